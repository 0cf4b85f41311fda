package org.parley.service.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.zip.ZipException;

/**
 * Content-Encoding: identity, or gzip, which Jetty's GzipHandler inflates ({@code server.gzip}, on by
 * default) and then takes out of the header. A coding still named when the request gets here is one
 * nobody decoded (deflate, x-gzip, br, compress, a second gzip): it reached the reader as it was and got
 * a misleading "not valid UTF-8", and is now a 415 naming the supported ones. A gzip body Jetty cannot
 * inflate surfaced as an IOException around a ZipException, which the auth filter's look at the body
 * (or the JSON reader) turned into a logged 500; it is now a 400 naming the body. Runs before
 * authentication, the first to read the body, on every endpoint: /v1/session takes no credential.
 * The charset in Content-Type, which the reader ignored (Latin-1 "é" was "not valid UTF-8", UTF-16 was
 * read when its text was ASCII), must be UTF-8 when given: JSON between systems is (RFC 8259), so any
 * other is a 415 rather than decoded.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyEncoding implements ContainerRequestFilter {
    private final String supported;

    /** @param inflatesGzip whether Jetty inflates gzip request bodies (server.gzip enabled) */
    public BodyEncoding(boolean inflatesGzip) {
        this.supported = inflatesGzip ? "uncompressed (identity) or gzip, applied once" : "uncompressed (identity)";
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> headers = request.getHeaders().get(HttpHeaders.CONTENT_ENCODING);
        if (headers != null)
            for (String header : headers)
                for (String coding : header.split(",", -1)) {
                    String c = coding.strip();
                    if (!c.isEmpty() && !c.equalsIgnoreCase("identity"))
                        throw new ApiException(415, HttpHeaders.CONTENT_ENCODING, null, "Content-Encoding '"
                                + ApiException.shown(c) + "' is not supported: the body must be " + supported);
                }
        String charset = charset(request);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8"))
            throw new ApiException(415, HttpHeaders.CONTENT_TYPE, null, "charset '" + ApiException.shown(charset)
                    + "' is not supported: the body must be UTF-8 (charset=utf-8, or no charset)");
        // Jetty's rewritten headers do not always say that it inflated ("gzip, identity" is dropped), and
        // only inflating throws a ZipException, so every body is watched.
        request.setEntityStream(new Inflated(request.getEntityStream()));
    }

    private static String charset(ContainerRequestContext request) {
        try {
            MediaType type = request.getMediaType();
            return type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        } catch (RuntimeException e) {  // a Content-Type Jersey cannot parse: Jetty or Jersey refuses it as before
            return null;
        }
    }

    /** Jetty's inflated body, whose decoding failures are the client's: a 400, not an IOException. */
    private static final class Inflated extends FilterInputStream {
        Inflated(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw refused(e);
            }
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            try {
                return super.read(buf, off, len);
            } catch (IOException e) {
                throw refused(e);
            }
        }

        /** Jetty's GZIPContentDecoder reports every malformed input as a ZipException; anything else (an early end) is left as it was. */
        private static IOException refused(IOException e) {
            for (Throwable t = e; t != null; t = t.getCause())
                if (t instanceof ZipException) throw ApiException.badField("body", "body is not valid gzip (Content-Encoding: gzip)");
            return e;
        }
    }
}
