package org.parley.service.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bug: logged with its stack trace under an id, answered with the id only. The log line names
 * the exception class and its frames but not its message, which could quote comment text.
 * Failures that reach here and are the client's, not bugs: a body that ends before the
 * Content-Length it announced (Jetty's EofException, which Jersey wraps), answered 400; a body that
 * stops arriving for the idle timeout, or comes slower than a configured {@code minRequestDataPerSecond}
 * (a TimeoutException, Jetty's 408 BadMessageException), answered 408. Both were logged 500s with a
 * stack trace: any client, without a key (POST /v1/session), could fill the log and the 5xx meter.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        return respond(uri.getPath(), e);
    }

    static Response respond(String path, Throwable e) {
        java.util.Optional<ApiException> fault = bodyFault(e);
        if (fault.isPresent()) return ErrorResponses.build(path, fault.get());
        String id = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        LOG.error("error {} on /{}", id, loggable(path), scrubbed(e));
        return ErrorResponses.build(path, new ApiException(500, null, null, "internal error " + id));
    }

    /**
     * What of a bug's exception goes in the log: its class and frames, not its message, which could quote comment text
     * (or, holding a line break, write a line of its own). Public for the batch (batch.BatchServlet), whose parts' bugs
     * are logged alike.
     */
    public static Throwable scrubbed(Throwable e) {
        Throwable scrubbed = new RuntimeException(e.getClass().getName() + causes(e));
        scrubbed.setStackTrace(e.getStackTrace());
        return scrubbed;
    }

    /**
     * Its causes' classes and a database's SQLState, which hold no comment text: a 500 for a read-only database logged
     * UnableToExecuteStatementException alone, no "read-only", no 25006 (an operator's audit, sixty-ninth session).
     */
    static String causes(Throwable e) {
        StringBuilder out = new StringBuilder();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t != e) out.append(", caused by ").append(t.getClass().getName());
            if (t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().matches("[0-9A-Z]{5}"))
                out.append(" (SQLState ").append(s.getSQLState()).append(')');
        }
        return out.toString();
    }

    /**
     * The request's path as the 500's line shows it: JAX-RS gives it decoded, so until the forty-sixth session a path
     * with {@code %0A} wrote a line of its own into the log after "error ID on /", one that could pass for another
     * logger's, an erasure line among them. A control character, a line or paragraph separator or an invisible format
     * character is percent-encoded as its UTF-8 bytes, as the request log shows paths.
     */
    static String loggable(String path) {
        StringBuilder out = new StringBuilder(path.length());
        path.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.FORMAT) {
                for (byte b : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    out.append('%').append(String.format(java.util.Locale.ROOT, "%02X", b & 0xff));
            } else out.appendCodePoint(c);
        });
        return out.toString();
    }

    /**
     * The client's fault in reading a body, as an answer: one that ended before its Content-Length (400) or stopped
     * arriving (408); empty for anything else. Public for the batch (batch.BatchServlet), which reads its body itself.
     */
    public static java.util.Optional<ApiException> bodyFault(Throwable e) {
        if (endedEarly(e))
            return java.util.Optional.of(ApiException.badField("body", "the request body ended before the Content-Length it announced"));
        if (tooSlow(e))
            return java.util.Optional.of(new ApiException(408, "body", null,
                    "the request body stopped arriving, or arrived too slowly: send it whole, without pauses"));
        return java.util.Optional.empty();
    }

    private static boolean tooSlow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof java.util.concurrent.TimeoutException
                    || t instanceof org.eclipse.jetty.http.BadMessageException b && b.getCode() == 408) return true;
        return false;
    }

    private static boolean endedEarly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof org.eclipse.jetty.io.EofException) return true;
        return false;
    }
}
