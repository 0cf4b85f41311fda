package org.parley.service.resources;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.jakarta.rs.cfg.EndpointConfigBase;
import com.fasterxml.jackson.jakarta.rs.cfg.ObjectReaderInjector;
import com.fasterxml.jackson.jakarta.rs.cfg.ObjectReaderModifier;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.parley.service.auth.SessionCookie;
import org.parley.service.errors.ErrorResponses;

import java.io.IOException;
import java.util.List;

/**
 * Perspective's bodies as its users send them, which Google's servers read: on the {@code /v1alpha1} paths only, a body
 * with no Content-Type, or {@code text/plain}, and no session cookie, is JSON (the widely copied {@code requests.post(url,
 * data=json.dumps(body))} sends none, and a browser's {@code fetch} with a string body sends {@code text/plain;charset=UTF-8};
 * both were 415s), field names may come unquoted (Perspective's own curl sample, {@code {comment: {text: "…"},
 * requestedAttributes: {TOXICITY: {}}}}, was "not valid JSON"), and strings single-quoted (Python's {@code str(body)} in
 * place of {@code json.dumps(body)} writes {@code {'comment': {'text': "it's…"}}}). Every other path keeps strict JSON.
 */
@PreMatching
public final class PerspectiveBodies implements ContainerRequestFilter, ReaderInterceptor {
    private static final String PROPERTY = PerspectiveBodies.class.getName();

    /** Applied by Jackson's provider to the parser of the next body read on this thread, which it then forgets. */
    private static final ObjectReaderModifier LENIENT = new ObjectReaderModifier() {
        @Override
        public ObjectReader modify(EndpointConfigBase<?> endpoint, MultivaluedMap<String, String> headers, JavaType type,
                                   ObjectReader reader, JsonParser parser) {
            parser.enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES.mappedFeature());
            parser.enable(JsonReadFeature.ALLOW_SINGLE_QUOTES.mappedFeature());
            return reader;
        }
    };

    @Override
    public void filter(ContainerRequestContext request) {
        if (!ErrorResponses.isPerspective(request.getUriInfo().getPath(false))) return;
        request.setProperty(PROPERTY, Boolean.TRUE);
        // Not with the moderator page's session cookie: a browser's POST with no Content-Type, or text/plain, is a "simple"
        // request, sent across origins without a preflight, and a same-site page could so send a moderator's session to
        // suggestscore (the 415 for these types is what stops such forged requests everywhere else). Other cookies
        // authenticate nothing: a load balancer's sticky-session cookie made a session-keeping client's second call a 415
        // (a Perspective-client audit, sixty-ninth session).
        if (withSession(request) || !announcesBody(request)) return;
        List<String> types = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        if (types == null || types.isEmpty())
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        else if (types.size() == 1) {
            MediaType plain = plainText(types.get(0));
            // Its charset kept: BodyEncoding refuses any but UTF-8 with its 415, as for application/json.
            if (plain != null) {
                // Removed first: a header the container gave may be a view that cannot be set in place.
                request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
                request.getHeaders().add(HttpHeaders.CONTENT_TYPE, new MediaType("application", "json", plain.getParameters()).toString());
            }
        }
    }

    /** Whether it carries a session cookie, of either name (auth.SessionCookie: the one read depends on the configuration). */
    private static boolean withSession(ContainerRequestContext request) {
        return request.getHeaderString(HttpHeaders.COOKIE) != null && (request.getCookies().containsKey(SessionCookie.PLAIN.name())
                || request.getCookies().containsKey(SessionCookie.HOST.name()));
    }

    /** {@code text/plain}, with any parameters, as parsed; null for anything else, or a type that does not parse (left to its 400). */
    private static MediaType plainText(String header) {
        try {
            MediaType type = MediaType.valueOf(header);
            return "text".equalsIgnoreCase(type.getType()) && "plain".equalsIgnoreCase(type.getSubtype()) ? type : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A body by the headers alone: {@code hasEntity()} reads its first byte, before BodyEncoding wraps a gzip stream,
     * so a gzip body that does not inflate threw there, outside the wrapper that makes it a 400.
     */
    private static boolean announcesBody(ContainerRequestContext request) {
        if (request.getHeaderString("Transfer-Encoding") != null) return true;
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return length != null && !length.strip().equals("0");
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getProperty(PROPERTY) == null) return context.proceed();
        ObjectReaderInjector.set(LENIENT);
        try {
            return context.proceed();
        } finally {
            ObjectReaderInjector.getAndClear();  // a body not read as JSON must not leave it for the thread's next request
        }
    }
}
