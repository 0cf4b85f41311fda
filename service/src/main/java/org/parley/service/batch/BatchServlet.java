package org.parley.service.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.jetty.http.HttpStatus;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.PrivateAnswers;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.ErrorResponses;
import org.parley.service.errors.UnexpectedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * {@code POST /batch}: Google's HTTP batch, the discovery document's {@code batchPath}, for the Perspective paths. Each
 * part is served as if it had been sent alone, one after another, by Jersey's own servlet behind the scoring lanes'
 * early refusal ({@link org.parley.service.core.Refusal}): its own key, rate limit and body charge, body size limit,
 * lenient Perspective body, scoring gate, status and Google error. The batch itself needs no key (Google's Python
 * client puts the key in each part's URL); a part without one takes the batch's ({@code Authorization},
 * {@code X-Goog-Api-Key} or {@code ?key=}), and the batch's other headers but Content-*, hop-by-hop ones and Cookie, as
 * Google's front end passes the outer headers on. A part that is not an HTTP request, or that calls anything but
 * {@code /v1alpha1/comments:analyze} or {@code :suggestscore}, is answered its own 400 or 404; a body that is not a
 * multipart/mixed batch, or holds more than {@code maxParts} parts, is refused whole before any part runs.
 */
public final class BatchServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(BatchServlet.class);
    /** The only calls a batch may hold: Perspective's methods, the colon as sent or percent-encoded. */
    private static final Pattern PERSPECTIVE = Pattern.compile("/v1alpha1/comments(?::|%3[Aa])(?:analyze|suggestscore)/?");
    /** The batch's headers a part does not take: its body's own, the connection's, and the browser's session. */
    private static final Pattern NOT_PASSED_ON = Pattern.compile(
            "content-.*|transfer-encoding|connection|keep-alive|te|trailer|upgrade|expect|host|cookie|proxy-.*");
    private static final String KEY_HEADER = ApiKeyAuthFilter.GOOGLE_KEY_HEADER;

    private final Supplier<Servlet> jersey;
    private final Filter refusal;
    private final ObjectMapper json;
    private final long maxBytes;
    private final int maxParts;
    private final String publicPath;

    /**
     * @param jersey     the application's Jersey servlet (asked at each request: it is started after this is made)
     * @param refusal    the scoring lanes' early refusal, as a part sent alone meets it
     * @param maxBytes   the body limit of every endpoint (errors.BodySizeLimit), for the batch as a whole
     * @param maxParts   parts a batch may hold: maxBatchSize, what /v1/score/batch takes
     * @param publicRoot the configured public URL: its path (a proxy's prefix) leads the paths a client puts in its parts
     */
    public BatchServlet(Supplier<Servlet> jersey, Filter refusal, ObjectMapper json, long maxBytes, int maxParts,
                        Optional<String> publicRoot) {
        this.jersey = jersey;
        this.refusal = refusal;
        this.json = json;
        this.maxBytes = maxBytes;
        this.maxParts = maxParts;
        String path = publicRoot.map(u -> URI.create(u).getRawPath()).orElse("");
        this.publicPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiKeyAuthFilter.withoutQueryInThreadName();
        response.setHeader("X-Content-Type-Options", "nosniff");
        List<BatchParts.Part> parts;
        try {
            if (!"POST".equals(request.getMethod())) {
                response.setHeader("Allow", "POST");
                throw new ApiException(405, null, null, "method " + ApiException.shown(request.getMethod())
                        + " is not allowed on /batch; allowed: [POST]");
            }
            String type = multipartMixed(request);
            parts = BatchParts.read(body(request), type, maxParts);
        } catch (ApiException e) {
            byte[] body = json.writeValueAsBytes(ErrorResponses.google(e));
            response.setStatus(e.status());
            response.setContentType(MediaType.APPLICATION_JSON);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        String boundary = "batch_" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        response.setStatus(200);
        response.setContentType("multipart/mixed; boundary=" + boundary);
        response.setHeader("Cache-Control", PrivateAnswers.VALUE);  // the parts' answers are their keys' own
        OutputStream out = response.getOutputStream();
        for (BatchParts.Part part : parts) {
            PartResponse answer = answer(request, part);
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Type: application/http\r\n");
            if (part.contentId() != null) head.append("Content-ID: ").append(responseId(part.contentId())).append("\r\n");
            int status = answer.status();
            head.append("\r\nHTTP/1.1 ").append(status).append(' ').append(HttpStatus.getMessage(status)).append("\r\n");
            byte[] body = answer.failedWithoutBody()
                    ? json.writeValueAsBytes(ErrorResponses.google(new ApiException(status, null, null, HttpStatus.getMessage(status))))
                    : answer.body();
            if (answer.failedWithoutBody()) answer.setContentType(MediaType.APPLICATION_JSON);
            for (Map.Entry<String, String> h : answer.headerLines())
                if (!h.getKey().equalsIgnoreCase("Content-Length") && !h.getKey().equalsIgnoreCase("Transfer-Encoding"))
                    head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }

    /** A part's answer: Jersey's, or the part's own refusal when it cannot or may not be sent. */
    private PartResponse answer(HttpServletRequest batch, BatchParts.Part part) {
        PartResponse response = new PartResponse();
        try {
            if (part.contentType() != null && !isHttp(part.contentType()))
                throw ApiException.badField("body", "a part's Content-Type must be application/http (was '"
                        + ApiException.shown(part.contentType()) + "')");
            InnerRequest inner = InnerRequest.parse(part.content());
            String path = withoutPublicPath(inner.path());
            if (!PERSPECTIVE.matcher(path).matches())
                throw new ApiException(404, null, null, ApiException.shown(inner.path()) + " cannot be called in a batch: "
                        + "only POST /v1alpha1/comments:analyze and /v1alpha1/comments:suggestscore can; send other requests alone");
            PartRequest request = new PartRequest(batch, inner.method(), path, inner.query(), headers(batch, inner), inner.body());
            Servlet servlet = jersey.get();
            refusal.doFilter(request, response, (req, res) -> servlet.service(req, res));
        } catch (ApiException e) {
            refused(response, e);
        } catch (IOException | ServletException | RuntimeException e) {  // Jersey's mappers answer everything; this is a bug
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
            LOG.error("error {} in a part of a batch", id, e);
            response.reset();
            refused(response, new ApiException(500, null, null, "internal error " + id));
        }
        return response;
    }

    private void refused(PartResponse response, ApiException e) {
        response.reset();
        response.setStatus(e.status());
        response.setContentType(MediaType.APPLICATION_JSON);
        try {
            response.getOutputStream().write(json.writeValueAsBytes(ErrorResponses.google(e)));
        } catch (IOException impossible) {  // written to memory
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The part's headers, and the batch's it does not give itself. Its key, where it has none (no Authorization,
     * X-Goog-Api-Key or {@code ?key=}), is the batch's, taken in the order the auth filter takes a request's: its
     * {@code Authorization}, else its {@code ?key=}, else its {@code X-Goog-Api-Key}. The part's Content-Length is the
     * length of its body as it came (the Python client counts characters; the service bounds the body as it is read).
     */
    private static List<InnerRequest.Header> headers(HttpServletRequest batch, InnerRequest inner) {
        boolean ownKey = inner.header("Authorization") != null || inner.header(KEY_HEADER) != null || inner.hasQueryParameter("key");
        List<InnerRequest.Header> out = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (InnerRequest.Header h : inner.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("transfer-encoding")) continue;
            given.add(name);
            out.add(h);
        }
        String batchKey = ownKey || batch.getHeader("Authorization") != null ? null : queryKey(batch.getQueryString());
        for (String name : Collections.list(batch.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (given.contains(lower) || NOT_PASSED_ON.matcher(lower).matches()) continue;
            if ((ownKey || batchKey != null) && (lower.equals("authorization") || lower.equals(KEY_HEADER.toLowerCase(Locale.ROOT))))
                continue;
            for (String value : Collections.list(batch.getHeaders(name))) out.add(new InnerRequest.Header(name, value));
        }
        if (batchKey != null) out.add(new InnerRequest.Header(KEY_HEADER, batchKey));
        if (inner.body().length > 0 || !inner.method().equals("GET") && !inner.method().equals("HEAD"))
            out.add(new InnerRequest.Header("Content-Length", Integer.toString(inner.body().length)));
        return out;
    }

    /** The batch's {@code ?key=}, decoded, or null. */
    private static String queryKey(String query) {
        if (query == null) return null;
        for (String pair : query.split("&"))
            if (pair.startsWith("key=")) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return pair.substring(4);
                }
            }
        return null;
    }

    /** The path a part names, less the public URL's path (a proxy's prefix, which the client put before it). */
    private String withoutPublicPath(String path) {
        return !publicPath.isEmpty() && path.startsWith(publicPath + "/") ? path.substring(publicPath.length()) : path;
    }

    /**
     * Google's answer's Content-ID: {@code <response-ID>} for a part's {@code <ID>}; Google's Python client reads its
     * callbacks' ids out of it. Line breaks and other controls are dropped, never echoed into the answer's headers.
     */
    static String responseId(String contentId) {
        String id = contentId.replaceAll("\\p{Cntrl}", "");
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) id = id.substring(1, id.length() - 1);
        return "<response-" + ApiException.shown(id) + ">";
    }

    private static boolean isHttp(String contentType) {
        String base = contentType.split(";", 2)[0].strip();
        return base.equalsIgnoreCase("application/http");
    }

    /**
     * The request's Content-Type, if it is {@code multipart/mixed} with a boundary: a 415 for any other type (not
     * multipart/form-data either, which a page of any site may post with a browser's cookies, without a preflight), a
     * 400 for one without its boundary. A Content-Encoding left in the header is one nobody decoded (Jetty inflates
     * gzip and takes it out): a 415, as errors.BodyEncoding answers on every other path.
     */
    private static String multipartMixed(HttpServletRequest request) {
        for (String coding : Collections.list(request.getHeaders("Content-Encoding")))
            for (String c : coding.split(","))
                if (!c.isBlank() && !c.strip().equalsIgnoreCase("identity"))
                    throw new ApiException(415, "Content-Encoding", null, "Content-Encoding '" + ApiException.shown(c.strip())
                            + "' is not supported: the body must be uncompressed (identity) or gzip, applied once");
        String type = request.getContentType();
        MediaType media = null;
        try {
            media = type == null ? null : MediaType.valueOf(type);
        } catch (IllegalArgumentException e) {  // left null: the 415 below
        }
        if (media == null || !media.getType().equalsIgnoreCase("multipart") || !media.getSubtype().equalsIgnoreCase("mixed"))
            throw new ApiException(415, "Content-Type", null, "Content-Type must be multipart/mixed; boundary=BOUNDARY, "
                    + "as Google's batch requests are (was " + (type == null ? "none" : "'" + ApiException.shown(type) + "'") + ")");
        String boundary = media.getParameters().get("boundary");
        if (boundary == null || boundary.isBlank())
            throw ApiException.badField("Content-Type", "Content-Type multipart/mixed needs its boundary: "
                    + "multipart/mixed; boundary=BOUNDARY, the string that starts each part's line --BOUNDARY");
        return type;
    }

    /** The whole body, refused (413) once it is larger than any endpoint takes. */
    private byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > maxBytes) throw tooLarge();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65_536];
        try (InputStream in = request.getInputStream()) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                if (out.size() + (long) n > maxBytes) throw tooLarge();
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            for (Throwable t = e; t != null; t = t.getCause())
                if (t instanceof ZipException) throw ApiException.badField("body", "body is not valid gzip (Content-Encoding: gzip)");
            throw UnexpectedExceptionMapper.bodyFault(e).orElseThrow(() -> new java.io.UncheckedIOException(e));
        }
        return out.toByteArray();
    }

    private ApiException tooLarge() {
        return new ApiException(413, "body", maxBytes, "body is larger than " + maxBytes + " bytes");
    }
}
