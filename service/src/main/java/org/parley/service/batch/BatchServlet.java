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
import org.parley.service.errors.WatchedInput;
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
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

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
 * <p>
 * The batch needs no key, yet its body is read before any part's key is checked: so it is read as it arrives, and a
 * part's body is kept only when its credential is a configured API key (anything else is refused by the key check
 * before a body is read, alone as here), and all batches together keep at most two of the largest bodies at once (a
 * 503 beyond). Buffered whole, 64 batches of 27 MB from one address without a key would have held 3.5 GB.
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
    private final Predicate<String> isKey;
    /** KiB of parts that all batches being read hold at once: two of the largest bodies. */
    private final Semaphore held;
    private final int heldKib;
    private final long maxBytes;
    private final int maxParts;
    private final String publicPath;

    /**
     * @param jersey     the application's Jersey servlet (asked at each request: it is started after this is made)
     * @param refusal    the scoring lanes' early refusal, as a part sent alone meets it
     * @param isKey      whether a token is a configured API key: only such a part's body is kept
     * @param maxBytes   the body limit of every endpoint (errors.BodySizeLimit), for the batch as a whole
     * @param maxParts   parts a batch may hold: maxBatchSize, what /v1/score/batch takes
     * @param publicRoot the configured public URL: its path (a proxy's prefix) leads the paths a client puts in its parts
     */
    public BatchServlet(Supplier<Servlet> jersey, Filter refusal, ObjectMapper json, Predicate<String> isKey, long maxBytes,
                        int maxParts, Optional<String> publicRoot) {
        this(jersey, refusal, json, isKey, maxBytes, maxParts, publicRoot, 2 * maxBytes);
    }

    /** @param heldBytes bytes of parts all batches keep at once (the tests choose it) */
    BatchServlet(Supplier<Servlet> jersey, Filter refusal, ObjectMapper json, Predicate<String> isKey, long maxBytes,
                 int maxParts, Optional<String> publicRoot, long heldBytes) {
        this.jersey = jersey;
        this.refusal = refusal;
        this.json = json;
        this.isKey = isKey;
        this.heldKib = (int) Math.min(Integer.MAX_VALUE, (heldBytes + 1023) / 1024);
        this.held = new Semaphore(heldKib);
        this.maxBytes = maxBytes;
        this.maxParts = maxParts;
        String path = publicRoot.map(u -> URI.create(u).getRawPath()).orElse("");
        this.publicPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiKeyAuthFilter.withoutQueryInThreadName();
        response.setHeader("X-Content-Type-Options", "nosniff");
        Kept kept = new Kept();
        try {
            List<Held> parts;
            try {
                if (!"POST".equals(request.getMethod())) {
                    response.setHeader("Allow", "POST");
                    throw new ApiException(405, null, null, "method " + ApiException.shown(request.getMethod())
                            + " is not allowed on /batch; allowed: [POST]");
                }
                String type = multipartMixed(request);
                if (request.getContentLengthLong() > maxBytes) throw tooLarge();
                parts = BatchParts.read(new Bounded(request.getInputStream()), type, maxParts,
                        (id, partType, content) -> hold(request, id, partType, content, kept));
            } catch (ApiException e) {
                byte[] body = json.writeValueAsBytes(ErrorResponses.google(e));
                if (e.retryAfterSeconds() != null) response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
                response.setStatus(e.status());
                response.setContentType(MediaType.APPLICATION_JSON);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
                return;
            }
            answer(response, parts);
        } finally {
            kept.release();
        }
    }

    /** Runs the parts one after another, each answer written as it comes. */
    private void answer(HttpServletResponse response, List<Held> parts) throws IOException {
        String boundary = "batch_" + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + Long.toHexString(ThreadLocalRandom.current().nextLong());
        response.setStatus(200);
        response.setContentType("multipart/mixed; boundary=" + boundary);
        response.setHeader("Cache-Control", PrivateAnswers.VALUE);  // the parts' answers are their keys' own
        OutputStream out = response.getOutputStream();
        for (Held part : parts) {
            PartResponse answer = run(part);
            StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
                    .append("Content-Type: application/http\r\n");
            if (part.contentId() != null) head.append("Content-ID: ").append(responseId(part.contentId())).append("\r\n");
            int status = answer.status();
            head.append("\r\nHTTP/1.1 ").append(status).append(' ').append(HttpStatus.getMessage(status)).append("\r\n");
            boolean bare = answer.failedWithoutBody();
            byte[] body = bare ? json.writeValueAsBytes(ErrorResponses.google(new ApiException(status, null, null, HttpStatus.getMessage(status))))
                    : answer.body();
            if (bare) answer.setContentType(MediaType.APPLICATION_JSON);
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

    /** A part as read: the request to run, or its refusal (not an HTTP request, or to a path a batch may not call). */
    private record Held(String contentId, PartRequest request, ApiException refused) {}

    /**
     * Reads a part as the body arrives: its request line and headers, then its body, kept only when its credential (its
     * own, or the batch's) is a configured API key. Any other credential, or none, is refused by the key check before a
     * body is read, as it would be alone, so such a part's body is skipped: a batch from anyone without a key holds
     * nothing but one part's head at a time. Kept bodies count against the bytes all batches may hold at once.
     */
    private Held hold(HttpServletRequest batch, String id, String type, InputStream content, Kept kept) throws IOException {
        if (type != null && !isHttp(type))
            return new Held(id, null, ApiException.badField("body", "a part's Content-Type must be application/http (was '"
                    + ApiException.shown(type) + "')"));
        InnerRequest inner;
        try {
            inner = InnerRequest.parse(head(content));
        } catch (ApiException e) {
            return new Held(id, null, e);
        }
        String path = withoutPublicPath(inner.path());
        if (!PERSPECTIVE.matcher(path).matches())
            return new Held(id, null, new ApiException(404, null, null, ApiException.shown(inner.path()) + " cannot be called "
                    + "in a batch: only POST /v1alpha1/comments:analyze and /v1alpha1/comments:suggestscore can; send other requests alone"));
        List<InnerRequest.Header> headers = headers(batch, inner);
        byte[] body;
        long length;
        String credential = credential(headers, inner.query());
        if (credential != null && isKey.test(credential)) {
            body = kept.keep(content);
            length = body.length;
        } else {
            body = new byte[0];
            length = content.transferTo(OutputStream.nullOutputStream());
        }
        if (length > 0 || !inner.method().equals("GET") && !inner.method().equals("HEAD"))
            headers.add(new InnerRequest.Header("Content-Length", Long.toString(length)));
        return new Held(id, new PartRequest(batch, inner.method(), path, inner.query(), headers, body), null);
    }

    /** A part's request line and headers, with the blank line after them; a few bytes more than InnerRequest takes at most. */
    static byte[] head(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean started = false;  // blank lines before the request line are skipped, as RFC 9112 has it
        int line = 0;
        while (out.size() <= InnerRequest.MAX_HEAD_BYTES + 2) {
            int b = in.read();
            if (b < 0) break;
            out.write(b);
            if (b == '\n') {
                if (line == 0 && started) break;
                started |= line > 0;
                line = 0;
            } else if (b != '\r') {
                line++;
            }
        }
        return out.toByteArray();
    }

    /** The bytes of parts one batch keeps, taken from those all batches may hold at once (503 beyond). */
    private final class Kept {
        private long bytes;
        private int kib;

        byte[] keep(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65_536];
            for (int n; (n = in.read(buf)) >= 0; ) {
                bytes += n;
                int need = (int) ((bytes + 1023) / 1024) - kib;
                if (need > 0) {
                    if (!held.tryAcquire(need))
                        throw ApiException.unavailable(503, 1, "batches being read hold " + heldKib + " KiB of parts, "
                                + "the most at once; retry after 1 s");
                    kib += need;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }

        void release() {
            held.release(kib);
            kib = 0;
        }
    }

    /** A part's answer: Jersey's, or the part's own refusal. */
    private PartResponse run(Held part) {
        PartResponse response = new PartResponse();
        if (part.refused() != null) {
            refused(response, part.refused());
            return response;
        }
        try {
            Servlet servlet = jersey.get();
            refusal.doFilter(part.request(), response, (req, res) -> servlet.service(req, res));
        } catch (ApiException e) {
            refused(response, e);
        } catch (IOException | ServletException | RuntimeException e) {  // Jersey's mappers answer everything; this is a bug
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong());
            LOG.error("error {} in a part of a batch", id, e);
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
     * {@code Authorization}, else its {@code ?key=}, else its {@code X-Goog-Api-Key}. Its own Content-Length is replaced by
     * its body's length as it came ({@link #hold}; the Python client counts characters, not bytes).
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
        return out;
    }

    /** The token the auth filter will read from a part with these headers and query: Bearer, else ?key=, else X-Goog-Api-Key. */
    private static String credential(List<InnerRequest.Header> headers, String query) {
        return ApiKeyAuthFilter.bearer(first(headers, "Authorization"))
                .or(() -> Optional.ofNullable(queryKey(query)))
                .orElse(first(headers, KEY_HEADER));
    }

    private static String first(List<InnerRequest.Header> headers, String name) {
        for (InnerRequest.Header h : headers) if (h.name().equalsIgnoreCase(name)) return h.value();
        return null;
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
        return "<response-" + id + ">";
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

    /** The body, refused (413) once it is larger than any endpoint takes. */
    private final class Bounded extends WatchedInput {
        private long read;

        Bounded(InputStream in) {
            super(in);
        }

        @Override
        protected void seen(byte[] buf, int off, int n) {
            read += n;
            if (read > maxBytes) throw tooLarge();
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "body", maxBytes, "body is larger than " + maxBytes + " bytes");
    }
}
