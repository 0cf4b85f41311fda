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

import java.io.IOException;

/**
 * Perspective's bodies as its users send them, which Google's servers read: on the {@code /v1alpha1} paths only, a body
 * with no Content-Type, and no cookies, is JSON (the widely copied {@code requests.post(url, data=json.dumps(body))}
 * sends none, and was a 415), and field names may come unquoted (Perspective's own curl sample, {@code {comment: {text: "…"},
 * requestedAttributes: {TOXICITY: {}}}}, was "not valid JSON"). Every other path keeps strict JSON.
 */
@PreMatching
public final class PerspectiveBodies implements ContainerRequestFilter, ReaderInterceptor {
    private static final String PROPERTY = PerspectiveBodies.class.getName();

    /** Applied by Jackson's provider to the parser of the next body read on this thread, which it then forgets. */
    private static final ObjectReaderModifier UNQUOTED_NAMES = new ObjectReaderModifier() {
        @Override
        public ObjectReader modify(EndpointConfigBase<?> endpoint, MultivaluedMap<String, String> headers, JavaType type,
                                   ObjectReader reader, JsonParser parser) {
            parser.enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES.mappedFeature());
            return reader;
        }
    };

    /** The Perspective paths, {@code /v1alpha1/…}, with or without Jersey's leading slash (EncodedColons reads them too). */
    static boolean perspective(String path) {
        return (path.startsWith("/") ? path.substring(1) : path).startsWith("v1alpha1/");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!perspective(request.getUriInfo().getPath(false))) return;
        request.setProperty(PROPERTY, Boolean.TRUE);
        // Not with cookies: a browser's POST with no Content-Type is a "simple" request, sent across origins without a
        // preflight, and a same-site page could so send a moderator's session cookie to suggestscore (the 415 for no
        // Content-Type is what stops such forged requests everywhere else). The scripts this is for send no cookies.
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null && request.getHeaderString(HttpHeaders.COOKIE) == null
                && announcesBody(request))
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
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
        ObjectReaderInjector.set(UNQUOTED_NAMES);
        try {
            return context.proceed();
        } finally {
            ObjectReaderInjector.getAndClear();  // a body not read as JSON must not leave it for the thread's next request
        }
    }
}
