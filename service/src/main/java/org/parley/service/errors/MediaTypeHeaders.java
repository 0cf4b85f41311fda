package org.parley.service.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.glassfish.jersey.message.internal.HttpHeaderReader;

import java.io.IOException;
import java.text.ParseException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * An {@code Accept} or {@code Content-Type} that does not parse is refused naming the header. Jersey's servlet reads
 * Content-Type before the application sees the request, and Accept while it chooses the resource method, and answers
 * one it cannot parse (a HeaderValueException) with a bare 400 that no exception mapper sees, which Jetty's error page
 * ({@link JsonBadMessages}) could only call "Bad Request" (a third penetration test, forty-third session: {@code
 * garbage/}, a weight {@code q=abc}, {@code /}). Parsed here first, by the parsers Jersey uses, in front of Jersey's
 * servlet, so what Jersey would refuse is refused as every other field is, in the format of the API the path is in; a
 * batch part's by batch.BatchServlet with {@link #refusal}, as Jersey's servlet serves the parts without this filter.
 */
public final class MediaTypeHeaders implements Filter {
    private final ObjectMapper json;

    public MediaTypeHeaders(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        // Jersey's servlet is mapped at /*, so its requests have an empty servlet path; the batch and the page's files are not its.
        Optional<ApiException> refused = request.getServletPath().isEmpty() ? refusal(request) : Optional.empty();
        if (refused.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("X-Content-Type-Options", "nosniff");  // as on every other answer (auth.NoSniff)
        ServletErrors.write(response, 400, json.writeValueAsBytes(ErrorResponses.body(request.getRequestURI(), refused.get())));
    }

    /** The 400 for a request whose Accept or Content-Type Jersey could not parse; empty when both parse (or are absent). */
    public static Optional<ApiException> refusal(HttpServletRequest request) {
        List<String> accept = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        if (!accept.isEmpty()) {
            String value = String.join(",", accept);  // as Jersey reads a header given more than once
            try {
                HttpHeaderReader.readAcceptMediaType(value);
            } catch (ParseException | RuntimeException e) {
                return Optional.of(ApiException.badField(HttpHeaders.ACCEPT, "Accept '" + ApiException.shown(value)
                        + "' is not a list of media types: send Accept: application/json (type/subtype, with ;q= a number"
                        + " from 0 to 1 where weighed), or no Accept at all"));
            }
        }
        List<String> types = Collections.list(request.getHeaders(HttpHeaders.CONTENT_TYPE));
        if (types.size() > 1)
            return Optional.of(ApiException.badField(HttpHeaders.CONTENT_TYPE, "Content-Type was sent " + types.size()
                    + " times: send it once, Content-Type: application/json"));
        if (types.size() == 1 && !types.get(0).isBlank()) {
            try {
                MediaType.valueOf(types.get(0));
            } catch (RuntimeException e) {
                return Optional.of(ApiException.badField(HttpHeaders.CONTENT_TYPE, "Content-Type '" + ApiException.shown(types.get(0))
                        + "' is not a media type: send Content-Type: application/json (type/subtype, with parameters as"
                        + " ; name=value, e.g. application/json; charset=utf-8)"));
            }
        }
        return Optional.empty();
    }
}
