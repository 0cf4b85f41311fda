package org.parley.service.batch;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.io.MaxHeaderLengthLimitException;
import org.apache.james.mime4j.io.MaxHeaderLimitException;
import org.apache.james.mime4j.io.MaxPartCountLimitException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeParseEventException;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.UnexpectedExceptionMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipException;

/**
 * The parts of a {@code multipart/mixed} body, read by mime4j, strictly: a body without its boundary lines, one that
 * ends before its closing {@code --BOUNDARY--}, or a part header line without a colon is refused as a whole (a 400), so
 * that no part runs from a body that was cut short. Lines may end in LF alone, as Python's email generator writes them
 * (Google's Python client sends its batches so). Two parts whose answers would carry one Content-ID are refused too (a
 * 400 naming {@code Content-ID}). Read as the body arrives, so that what a part holds is kept only if
 * the caller keeps it (batch.BatchServlet: a part whose key is no configured key is not).
 */
final class BatchParts {
    /** One part: its Content-ID (null if none), Content-Type (null if none) and content, its transfer encoding undone. */
    record Part(String contentId, String contentType, byte[] content) {}

    /** What the caller keeps of a part, read from its content as the body arrives (what it leaves unread is skipped). */
    interface PartReader<T> {
        T read(String contentId, String contentType, InputStream content) throws IOException;
    }

    private BatchParts() {}

    /** Every part, its content whole (the tests). */
    static List<Part> read(byte[] body, String contentType, int maxParts) {
        return read(new ByteArrayInputStream(body), contentType, maxParts,
                (id, type, content) -> new Part(id, type, content.readAllBytes()));
    }

    /**
     * Each part as {@code reader} keeps it, read from the body as it arrives: nothing of the body is held but what the
     * reader keeps. An ApiException from the body's stream or the reader (a limit) is the caller's answer.
     *
     * @param contentType the request's Content-Type, multipart/mixed with its boundary (checked by the caller)
     * @param maxParts    more parts than this are a 413, refused before any runs
     */
    static <T> List<T> read(InputStream body, String contentType, int maxParts, PartReader<T> reader) {
        MimeConfig config = new MimeConfig.Builder().setStrictParsing(true)
                .setMaxLineLen(-1)  // a part's JSON is one line, up to the body's own limit
                .setMaxPartCount(maxParts).build();
        MimeTokenStream stream = new MimeTokenStream(config);
        List<T> parts = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();  // each answer's Content-ID → the part (from 1) that has it
        try {
            stream.parseHeadless(body, contentType);
            String id = null, type = null;
            for (EntityState s = stream.getState(); s != EntityState.T_END_OF_STREAM; s = stream.next()) {
                if (s == EntityState.T_START_MULTIPART) {
                    // A part is an HTTP request, never read as MIME itself. Until the forty-ninth session M_NO_RECURSE
                    // was set at the start: it leaves message/rfc822 alone, but a part typed multipart/* was read into
                    // parts that ran as the batch's own. M_FLAT from the start would not read the batch's multipart
                    // either; set at its start, it holds for the parts the batch's entity makes.
                    stream.setRecursionMode(RecursionMode.M_FLAT);
                } else if (s == EntityState.T_START_BODYPART) {
                    id = null;
                    type = null;
                } else if (s == EntityState.T_FIELD) {
                    Field f = stream.getField();
                    if ("Content-ID".equalsIgnoreCase(f.getName())) id = f.getBody().strip();
                    else if ("Content-Type".equalsIgnoreCase(f.getName())) type = f.getBody().strip();
                } else if (s == EntityState.T_BODY) {
                    if (id != null) {
                        Integer first = ids.putIfAbsent(PartAnswers.responseId(id), parts.size() + 1);
                        if (first != null) throw repeated(id, first, parts.size() + 1);
                    }
                    parts.add(reader.read(id, type, stream.getDecodedInputStream()));
                }
            }
        } catch (MaxPartCountLimitException e) {
            throw tooMany(maxParts);
        } catch (MaxHeaderLengthLimitException e) {  // was "ends before its closing --BOUNDARY-- line, or a part is not MIME"
            throw new ApiException(400, "body", config.getMaxHeaderLen(), "a batch part's MIME header (such as its "
                    + "Content-ID) is longer than " + config.getMaxHeaderLen() + " bytes");
        } catch (MaxHeaderLimitException e) {
            throw new ApiException(400, "body", config.getMaxHeaderCount(), "a batch part has more than "
                    + config.getMaxHeaderCount() + " MIME header lines before its HTTP request");
        } catch (MimeParseEventException e) {  // its event is a fixed text ("Invalid header encountered"), never the input
            throw malformed(e.getEvent().toString());
        } catch (MimeException | IOException e) {  // mime4j's messages are not shown: they might quote the body
            for (Throwable t = e; t != null; t = t.getCause())
                if (t instanceof ZipException) throw ApiException.badField("body", "body is not valid gzip (Content-Encoding: gzip)");
            throw UnexpectedExceptionMapper.bodyFault(e)  // the body ended early or stopped arriving
                    .orElseGet(() -> malformed("it ends before its closing --BOUNDARY-- line, or a part is not MIME"));
        }
        if (parts.isEmpty()) throw malformed("no line --BOUNDARY starts a part");
        return parts;
    }

    static ApiException tooMany(int maxParts) {
        return new ApiException(413, "body", maxParts, "a batch holds at most " + maxParts
                + " parts (maxBatchSize, as /v1/score/batch); send the rest in another batch");
    }

    /**
     * Two parts whose answers would carry the same Content-ID ({@code <1>} and {@code 1} are both answered
     * {@code <response-1>}): a client that maps answers by id could not tell them apart, so the batch is refused
     * before any part runs (Google's own answer to it is not known here). Parts without a Content-ID are told apart by
     * their place alone, as Google's batch documentation has the header optional.
     */
    private static ApiException repeated(String id, int first, int again) {
        return ApiException.badField("Content-ID", "Content-ID '" + ApiException.shown(id) + "' is given to parts " + first
                + " and " + again + ": each part's Content-ID must be its own (or left out), since its answer is "
                + "told from the others' by Content-ID " + ApiException.shown(PartAnswers.responseId(id)));
    }

    private static ApiException malformed(String why) {
        return ApiException.badField("body", "body is not a multipart/mixed batch (" + why + "): each part starts with a "
                + "line --BOUNDARY, then its headers (Content-Type: application/http), a blank line and an HTTP request, "
                + "and the body ends with --BOUNDARY--");
    }
}
