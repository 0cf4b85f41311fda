package org.parley.service.monitoring;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A query the servlet container cannot read is read otherwise: Jetty refuses to read such a query's parameters, each
 * time asked, and the request log asks for them: logback-access caught the refusal and printed its 34-line trace on
 * standard error, outside the log's format, for every such request, any path, no key needed (a stance integrator's
 * third review, sixty-fourth session). Escapes that are not UTF-8 ({@code %FF}) are read as Latin-1, which reads any
 * byte; a query no charset reads ({@code %zz}, a trailing {@code %}: "50%", which people type; a code-health audit,
 * sixty-fifth session) is read pair by pair, an escape that is none left as sent, so that {@code ?key=} still reaches
 * what reads it (the moderator page's filter: with no parameters at all, {@code &x=%zz} let a website key open the page,
 * a seventh penetration test). Asked of Jetty's own decoder, so that the two agree.
 * Jersey reads the query itself (bytes that are not UTF-8 as U+FFFD; {@code ?target=} refuses them), and no servlet of
 * the API reads its parameters.
 */
public final class UnreadableQueries implements Filter {
    /**
     * The request attribute (a Jersey request's property) naming the parameters whose value held an escape that is none:
     * Jersey reads {@code ?target=war%zz} as "war%zz", and /v1/threads refuses it (a seventh penetration test).
     */
    public static final String NOT_ESCAPED = UnreadableQueries.class.getName() + ".notEscaped";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        String query = ((HttpServletRequest) req).getQueryString();
        Request jetty = Request.getBaseRequest(req);
        if (query != null && jetty != null && query.indexOf('%') >= 0) {
            Set<String> notEscaped = notEscaped(query);
            if (!notEscaped.isEmpty()) req.setAttribute(NOT_ESCAPED, notEscaped);
            if (!readable(query, StandardCharsets.UTF_8)) {
                if (readable(query, StandardCharsets.ISO_8859_1)) jetty.setQueryEncoding(StandardCharsets.ISO_8859_1.name());
                else jetty.setQueryParameters(leniently(query));
            }
        }
        chain.doFilter(req, res);
    }

    /** The query's pairs, each name and value decoded as UTF-8 where it can be, else as sent. */
    static MultiMap<String> leniently(String query) {
        MultiMap<String> out = new MultiMap<>();
        for (String[] pair : pairs(query))
            out.add(Objects.requireNonNullElse(decoded(pair[0]), pair[0]), Objects.requireNonNullElse(decoded(pair[1]), pair[1]));
        return out;
    }

    /** The names (decoded where they can be) of the query's pairs whose value holds an escape that is none. */
    static Set<String> notEscaped(String query) {
        Set<String> out = new HashSet<>();
        for (String[] pair : pairs(query))
            if (decoded(pair[1]) == null) out.add(Objects.requireNonNullElse(decoded(pair[0]), pair[0]));
        return Set.copyOf(out);
    }

    /** The query's pairs as sent, name and value ("" where there is no '='); empty pairs left out. */
    private static List<String[]> pairs(String query) {
        List<String[]> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            out.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
        }
        return out;
    }

    /** {@code part} decoded as UTF-8, or null where it holds an escape that is none. */
    private static String decoded(String part) {
        try {
            return java.net.URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether Jetty reads the query's parameters in {@code charset}. */
    static boolean readable(String query, Charset charset) {
        try {
            UrlEncoded.decodeTo(query, new MultiMap<>(), charset);
            return true;
        } catch (RuntimeException e) {  // Jetty's refusals: IllegalArgumentException, Utf8Appendable.NotUtf8Exception
            return false;
        }
    }
}
