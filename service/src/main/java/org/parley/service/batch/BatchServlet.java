package org.parley.service.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.PrivateAnswers;
import org.parley.service.auth.RefusedInBatch;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.ErrorResponses;
import org.parley.service.errors.MediaTypeHeaders;
import org.parley.service.errors.WatchedInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.function.Function;
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
 * multipart/mixed batch, holds more than {@code maxParts} parts or gives two parts one Content-ID, is refused whole
 * before any part runs. A wrong key takes one of the address's failed-authentication tries however many of the batch's
 * parts present it ({@link RefusedInBatch}): each distinct one, as alone.
 * <p>
 * The batch needs no key, yet its body is read before any part's key is checked: so it is read as it arrives, and a
 * part's body is kept only when its credential is a configured API key (anything else is refused by the key check
 * before a body is read, alone as here), and all batches together keep at most two of the largest bodies at once (a
 * 503 beyond), one site's batches, whichever of its keys they present, one (a 429 beyond: {@link KeptBytes}). Buffered whole, 64 batches of 27 MB from one address without a key would have held 3.5 GB.
 */
public final class BatchServlet extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(BatchServlet.class);
    /**
     * One INFO line a part (the request log has the batch's alone): its place, method, path without the query (which may
     * hold {@code ?key=}), status and milliseconds; the batch's request id is the MDC's. Never a header or a body.
     */
    public static final String PARTS_LOGGER = "org.parley.service.batch.parts";
    private static final Logger PARTS = LoggerFactory.getLogger(PARTS_LOGGER);
    /** The only calls a batch may hold: Perspective's methods, the colon as sent or percent-encoded. */
    private static final Pattern PERSPECTIVE = Pattern.compile("/v1alpha1/comments(?::|%3[Aa])(?:analyze|suggestscore)/?");

    private final Supplier<Servlet> jersey;
    private final Filter refusal;
    private final ObjectMapper json;
    /** A configured API key's site (ApiKey#site): only such a part's body is kept, counted against its site's share. */
    private final Function<String, Optional<String>> siteOf;
    /** Two of the largest bodies by default. */
    private final KeptBytes kept;
    private final long maxBytes;
    private final int maxParts;
    private final String publicPath;
    /** How long a batch's body may take to arrive; its parts' kept bytes are held meanwhile. */
    private final Duration readLimit;
    private final LongSupplier nanoTime;

    /**
     * A batch's body arrives within a minute or is a 408: its kept parts hold the bytes all batches share until it ends,
     * and a sender that paused (a byte every few seconds keeps Jetty's 30 s idle timeout away) held them for as long as
     * it liked, its key paying nothing, as its parts never ran. A third penetration test (forty-third session): two such
     * batches with the scorer key a page publishes held them all, and every site's batch was a 503. A minute takes the
     * largest body (27 MB) at 460 KB/s.
     */
    static final Duration READ_LIMIT = Duration.ofSeconds(60);

    /**
     * @param jersey     the application's Jersey servlet (asked at each request: it is started after this is made)
     * @param refusal    the scoring lanes' early refusal, as a part sent alone meets it
     * @param siteOf     the site a token sends for, where it is a configured API key (only such a part's body is kept,
     *                   counted against its site's share); empty for anything else
     * @param maxBytes   the body limit of every endpoint (errors.BodySizeLimit), for the batch as a whole
     * @param maxParts   parts a batch may hold: maxBatchSize, what /v1/score/batch takes
     * @param publicRoot the configured public URL: its path (a proxy's prefix) leads the paths a client puts in its parts
     */
    public BatchServlet(Supplier<Servlet> jersey, Filter refusal, ObjectMapper json, Function<String, Optional<String>> siteOf,
                        long maxBytes, int maxParts, Optional<String> publicRoot) {
        this(jersey, refusal, json, siteOf, maxBytes, maxParts, publicRoot, 2 * maxBytes);
    }

    /** @param heldBytes bytes of parts all batches keep at once (the tests choose it) */
    BatchServlet(Supplier<Servlet> jersey, Filter refusal, ObjectMapper json, Function<String, Optional<String>> siteOf,
                 long maxBytes, int maxParts, Optional<String> publicRoot, long heldBytes) {
        this(jersey, refusal, json, siteOf, maxBytes, maxParts, publicRoot, heldBytes, READ_LIMIT, System::nanoTime);
    }

    /** @param readLimit how long a body may take to arrive, on the clock {@code nanoTime} (the tests choose both) */
    BatchServlet(Supplier<Servlet> jersey, Filter refusal, ObjectMapper json, Function<String, Optional<String>> siteOf,
                 long maxBytes, int maxParts, Optional<String> publicRoot, long heldBytes, Duration readLimit, LongSupplier nanoTime) {
        this.readLimit = readLimit;
        this.nanoTime = nanoTime;
        this.jersey = jersey;
        this.refusal = refusal;
        this.json = json;
        this.siteOf = siteOf;
        this.kept = new KeptBytes(heldBytes);
        this.maxBytes = maxBytes;
        this.maxParts = maxParts;
        String path = publicRoot.map(u -> URI.create(u).getRawPath()).orElse("");
        this.publicPath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ApiKeyAuthFilter.withoutQueryInThreadName();
        response.setHeader("X-Content-Type-Options", "nosniff");
        KeptBytes.Share share = kept.share();
        RefusedInBatch refusedKeys = new RefusedInBatch();
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
                parts = BatchParts.read(new Bounded(request.getInputStream(), nanoTime.getAsLong() + readLimit.toNanos()), type, maxParts,
                        (id, partType, content) -> hold(request, id, partType, content, share, refusedKeys));
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
            share.release();
        }
    }

    /** Runs the parts one after another, each answer written as it comes. */
    private void answer(HttpServletResponse response, List<Held> parts) throws IOException {
        PartAnswers answers = new PartAnswers(json);
        response.setStatus(200);
        response.setContentType(answers.contentType());
        response.setHeader("Cache-Control", PrivateAnswers.VALUE);  // the parts' answers are their keys' own
        OutputStream out = response.getOutputStream();
        for (int i = 0; i < parts.size(); i++) {
            Held part = parts.get(i);
            long start = System.nanoTime();
            PartResponse answer = run(part);
            PARTS.info("part {} of {}: {} {} {} {} ms", i + 1, parts.size(), part.method(), part.path(), answer.getStatus(),
                    (System.nanoTime() - start) / 1_000_000);
            answers.write(out, part.contentId(), answer);
        }
        answers.end(out);
    }

    /**
     * A part as read: the request to run, or its refusal (not an HTTP request, or to a path a batch may not call); its
     * method and path as sent, for the log ("-" where it is no HTTP request).
     */
    private record Held(String contentId, String method, String path, PartRequest request, ApiException refused) {
        Held(String contentId, ApiException refused) {
            this(contentId, "-", "-", null, refused);
        }

        Held(String contentId, InnerRequest inner, PartRequest request, ApiException refused) {
            this(contentId, inner.method(), ApiException.shown(inner.path()), request, refused);
        }
    }

    /**
     * Reads a part as the body arrives: its request line and headers, then its body, kept only when its credential (its
     * own, or the batch's) is a configured API key. Any other credential, or none, is refused by the key check before a
     * body is read, as it would be alone, so such a part's body is skipped: a batch from anyone without a key holds
     * nothing but one part's head at a time. Kept bodies count against the bytes all batches may hold at once.
     */
    private Held hold(HttpServletRequest batch, String id, String type, InputStream content, KeptBytes.Share share,
                      RefusedInBatch refusedKeys) throws IOException {
        if (type != null && !isHttp(type))
            return new Held(id, ApiException.badField("body", "a part's Content-Type must be application/http (was '"
                    + ApiException.shown(type) + "')"));
        InnerRequest inner;
        try {
            inner = InnerRequest.parse(InnerRequest.readHead(content));
        } catch (ApiException e) {
            return new Held(id, e);
        }
        String path = withoutPublicPath(inner.path());
        if (!PERSPECTIVE.matcher(path).matches())
            return new Held(id, inner, null, new ApiException(404, null, null, ApiException.shown(inner.path()) + " cannot be called "
                    + "in a batch: only POST /v1alpha1/comments:analyze and /v1alpha1/comments:suggestscore can; send other requests alone"));
        String coding = encoded(inner);
        if (coding != null)  // Jetty inflates a request's gzip, not a part's: BodyEncoding's 415 would say gzip is taken
            return new Held(id, inner, null, new ApiException(415, "Content-Encoding", null, "Content-Encoding '"
                    + ApiException.shown(coding) + "' is not supported on a batch part: send each part's body uncompressed "
                    + "(identity), or gzip the whole batch (Content-Encoding: gzip on POST /batch)"));
        List<InnerRequest.Header> headers = PartHeaders.of(batch, inner);
        byte[] body;
        long length;
        String credential = PartHeaders.credential(headers, inner.query());
        Optional<String> site = credential == null ? Optional.empty() : siteOf.apply(credential);
        if (site.isPresent()) {
            body = share.keep(content, site.get());
            length = body.length;
        } else {
            body = new byte[0];
            length = content.transferTo(OutputStream.nullOutputStream());
        }
        if (length > 0 || !inner.method().equals("GET") && !inner.method().equals("HEAD"))
            headers.add(new InnerRequest.Header("Content-Length", Long.toString(length)));
        PartRequest request = new PartRequest(batch, inner.method(), path, inner.query(), headers, body);
        // Jersey's servlet answers an Accept or Content-Type it cannot parse with a bare 400 ("Bad Request"), before any filter.
        Optional<ApiException> malformed = MediaTypeHeaders.refusal(request);
        if (malformed.isPresent()) return new Held(id, inner, null, malformed.get());
        request.setAttribute(RefusedInBatch.ATTRIBUTE, refusedKeys);  // a wrong key costs the batch one try, however many parts repeat it
        return new Held(id, inner, request, null);
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
            // Its class and frames, as a request's bug is logged: until the forty-sixth session its message went too, and
            // a message may quote a part's comment (or hold a line break).
            LOG.error("error {} in a part of a batch", id, org.parley.service.errors.UnexpectedExceptionMapper.scrubbed(e));
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

    /** The path a part names, less the public URL's path (a proxy's prefix, which the client put before it). */
    private String withoutPublicPath(String path) {
        return !publicPath.isEmpty() && path.startsWith(publicPath + "/") ? path.substring(publicPath.length()) : path;
    }

    /** The first content coding a part's own headers name other than identity, or null. */
    private static String encoded(InnerRequest inner) {
        for (InnerRequest.Header h : inner.headers())
            if (h.name().equalsIgnoreCase("Content-Encoding"))
                for (String c : h.value().split(","))
                    if (!c.isBlank() && !c.strip().equalsIgnoreCase("identity")) return c.strip();
        return null;
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

    /**
     * The body, refused once it is larger than any endpoint takes (413) or once it has taken longer than
     * {@link #readLimit} to arrive (408; told at the first bytes after it, or by Jetty's idle timeout where none come).
     */
    private final class Bounded extends WatchedInput {
        private final long deadline;
        private long read;

        Bounded(InputStream in, long deadline) {
            super(in);
            this.deadline = deadline;
        }

        @Override
        protected void seen(byte[] buf, int off, int n) {
            read += n;
            if (read > maxBytes) throw tooLarge();
            if (nanoTime.getAsLong() - deadline > 0)
                throw new ApiException(408, "body", readLimit.toSeconds(), "body took longer than " + readLimit.toSeconds()
                        + " s to arrive: a batch's parts are held until it ends, so send it at once (or in smaller batches)");
        }
    }

    private ApiException tooLarge() {
        return new ApiException(413, "body", maxBytes, "body is larger than " + maxBytes + " bytes");
    }
}
