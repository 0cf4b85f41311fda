package org.parley.service.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.parley.service.api.perspective.Proto3Json;

import java.io.CharConversionException;

/**
 * Bodies Jackson cannot read: invalid JSON, invalid UTF-8, a value of the wrong type, an unknown
 * field. Jackson's own messages quote the input, so they are replaced by ones naming the field.
 */
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {
    @Context
    private UriInfo uri;

    /**
     * A body that ends inside its JSON is most often one whose Content-Length undercounts it (a JavaScript
     * string's length, not its UTF-8 bytes): the rest of it waits on the connection, where Jetty read it as the
     * next request, and that request, the client's next one, got a 400 "Illegal character" (a Node.js
     * integrator's audit). Closing the connection drops the rest.
     */
    @Override
    public Response toResponse(JsonProcessingException e) {
        Response r = ErrorResponses.build(uri.getPath(), describe(e));
        if (endedEarly(e, message(e))) r.getHeaders().putSingle("Connection", "close");
        return r;
    }

    /** How Jackson's STRICT_DUPLICATE_DETECTION message begins; the key is read from the parser ({@link #repeated}). */
    private static final String DUPLICATE = "Duplicate field '";

    /** An ApiException naming the field; also used for the items of a batch. */
    public static ApiException describe(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Thrown while the body was read (BodySizeLimit's 413): Jackson wraps it, the answer is its own.
            if (t instanceof ApiException refused) return refused;
            if (t instanceof StreamConstraintsException c) return overLimit(e, c);
            if (t instanceof InputCoercionException c) return outOfRange(field(e), c.getTargetType());
        }
        String message = message(e);
        if (message.contains("Invalid UTF-8") || e.getCause() instanceof CharConversionException)
            return ApiException.badField("body", "body is not valid UTF-8");
        if (endedEarly(e, message))
            return ApiException.badField("body", "body is empty or ends too early: expected a JSON object");
        if (message.startsWith(DUPLICATE)) {  // its name from the parser: one of 101 characters, or "", was "not valid JSON"
            String field = repeated(e);
            return ApiException.badField(field, (field.equals("body") ? "body names a field" : field + " is given")
                    + " twice in one object: which one is meant?");
        }
        if (e instanceof JsonParseException || e.getCause() instanceof JsonParseException)
            return ApiException.badField("body", "body is not valid JSON");
        if (e instanceof JsonMappingException m) {
            String field = field(m);
            // Its message is Parley's own, after the field's name: no value sent is in it.
            if (e instanceof Proto3Json.Refused) return ApiException.badField(field, field + " " + message);
            if (e instanceof UnrecognizedPropertyException u)
                return ApiException.badField(field, "unknown field '" + brief(u.getPropertyName()) + "'" + known(u) + hint(u));
            if (e instanceof InvalidFormatException f && UnstorableCharacters.refused(f))
                return ApiException.badField(field, field + " " + f.getOriginalMessage());
            // FAIL_ON_TRAILING_TOKENS' refusal names the type read, which read as "body must be an object" of one that is.
            if (e instanceof MismatchedInputException && message.startsWith("Trailing token"))
                return ApiException.badField("body", "body holds more than one JSON value: send one object, and nothing after it");
            if (e instanceof MismatchedInputException mismatch) { // InvalidFormatException too
                Class<?> target = mismatch.getTargetType();
                if (wholeBeyond(m, target)) return outOfRange(field, target);
                return ApiException.badField(field, field + " must be " + expected(target));
            }
            return ApiException.badField(field, "cannot read " + field);
        }
        return ApiException.badField("body", "body is not valid JSON");
    }

    /** A whole number too large for the field's type; the limit is the type's. */
    private static ApiException outOfRange(String field, Class<?> target) {
        long max = largest(target);
        return new ApiException(400, field, max, field + " is out of range: a whole number of at most " + max);
    }

    private static boolean wholeNumber(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class;
    }

    /** The largest value of a whole-number type. */
    private static long largest(Class<?> type) {
        return type == Integer.class || type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }

    /**
     * A whole number written with an exponent beyond the field's range (1e21, as JavaScript's
     * JSON.stringify writes whole numbers from 10^21 on): Jackson reads it as a fraction, but it
     * is too large, not fractional.
     */
    private static boolean wholeBeyond(JsonMappingException m, Class<?> target) {
        if (!wholeNumber(target)) return false;
        if (!(m.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser p)
                || p.currentToken() != com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT) return false;
        try {
            double v = p.getDoubleValue();
            return v == Math.rint(v) && Math.abs(v) > largest(target); // Long.MAX_VALUE as a double is 2^63
        } catch (java.io.IOException ex) {
            return false;
        }
    }

    private static final java.util.regex.Pattern ALLOWED = java.util.regex.Pattern.compile("maximum allowed \\((\\d+)");

    /** Jackson's reader limits (digits in a number, nesting depth, …): what was exceeded and the limit, no input. */
    private static ApiException overLimit(JsonProcessingException e, StreamConstraintsException c) {
        String field = field(e);
        String what = c.getOriginalMessage() == null ? "" : c.getOriginalMessage();
        java.util.regex.Matcher limit = ALLOWED.matcher(what);
        Integer max = limit.find() ? Integer.valueOf(limit.group(1)) : null;
        String kind = what.startsWith("Number value length") ? "a number longer than " + max + " digits"
                : what.startsWith("Document nesting depth") ? "JSON nested deeper than " + max + " levels"
                : what.startsWith("String value length") ? "a string longer than " + max + " characters"
                : what.startsWith("Token count") ? "more than " + max + " JSON tokens (values, field names and brackets), far more than"
                        + " any valid request holds"
                : "a value beyond the JSON reader's limits";
        return new ApiException(400, field, max, field + " holds " + kind);
    }

    /** The field the failure is in, as a JSON path; "body" where Jackson had none. */
    private static String field(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? path(m) : "";
        return path.isEmpty() ? "body" : path;
    }

    /**
     * A name sent, as the answer repeats it: its first 100 characters (a name is the sender's, and a seventh penetration
     * test, sixty-fifth session, had a 50,000-character one repeated twice, in the message and as the field).
     */
    static String brief(String name) {
        return name.codePointCount(0, name.length()) <= 100 ? name : name.substring(0, name.offsetByCodePoints(0, 100)) + "…";
    }

    /**
     * The path of a field given twice, e.g. comment.text, from the parser's contexts where it stopped (the name just read
     * is its object's current one); "body" where the parser is not at hand. It named "body" alone, and Google's
     * fieldViolations no field (a Perspective-client audit, sixty-ninth session).
     */
    private static String repeated(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof JsonProcessingException p && p.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) {
                java.util.Deque<com.fasterxml.jackson.core.JsonStreamContext> outerFirst = new java.util.ArrayDeque<>();
                for (var c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) outerFirst.push(c);
                StringBuilder path = new StringBuilder();
                for (var c : outerFirst) step(path, c.inArray() ? null : String.valueOf(c.getCurrentName()), c.inArray() ? c.getCurrentIndex() : -1);
                return path.isEmpty() ? "body" : path.toString();
            }
        return "body";
    }

    /** The JSON path of the failure, e.g. comments[3].comment.text (config.yml's keys too: StrictConfig). */
    public static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) step(sb, r.getFieldName(), r.getIndex());
        return sb.toString();
    }

    /** A path's next step, as {@link #path} and {@link #repeated} write it: ".name" ("name" first), or "[index]". */
    private static void step(StringBuilder path, String name, int index) {
        if (name != null) {
            if (!path.isEmpty()) path.append('.');
            path.append(brief(name));
        } else if (index >= 0) {
            path.append('[').append(index).append(']');
        }
    }

    /**
     * Where a field sent under another endpoint's name goes: scripts/import-page's thread document posted as the whole
     * body of /v1/score/thread, and on /v1/score the names scripts/score's lines and /v1/threads use for a comment's text,
     * its stance targets and its parent's text (a stance integrator's third review, sixty-fourth session).
     */
    private static String hint(UnrecognizedPropertyException u) {
        Class<?> in = u.getReferringClass();
        String name = u.getPropertyName();
        if (in == org.parley.service.api.ThreadRequest.class && java.util.Set.of("id", "article", "comments").contains(name))
            return "; the thread document goes inside the request: {\"thread\": {\"id\": …, \"article\": …, \"comments\": […]}}";
        if (in != org.parley.service.api.ScoreRequest.class) return "";
        return switch (name) {
            case "text" -> "; the comment's text goes in comment.text: {\"comment\": {\"text\": …}}";
            case "target" -> "; stance targets go in targets, an array: {\"targets\": [\"…\"]}";
            case "parentText" -> "; the text the comment replies to goes in context.parentText: {\"context\": {\"parentText\": …}}";
            default -> "";
        };
    }

    private static String message(JsonProcessingException e) {
        return e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    }

    private static boolean endedEarly(JsonProcessingException e, String message) {
        return e instanceof JsonEOFException || e.getCause() instanceof JsonEOFException || message.startsWith("No content to map");
    }

    /**
     * The fields the object reads, and those it takes without reading: Jackson leaves out the ignored ones, so :analyze
     * listed only what Parley reads of the fields Perspective defines (a suggestion's spanScores are taken).
     */
    private static String known(UnrecognizedPropertyException u) {
        if (u.getKnownPropertyIds() == null) return "";
        java.util.List<Object> known = new java.util.ArrayList<>(u.getKnownPropertyIds());
        com.fasterxml.jackson.annotation.JsonIgnoreProperties ignored = u.getReferringClass() == null ? null
                : u.getReferringClass().getAnnotation(com.fasterxml.jackson.annotation.JsonIgnoreProperties.class);
        if (ignored != null)  // its snake_case spellings are aliases, as the read fields' are, which are not listed either
            for (String name : ignored.value()) if (name.indexOf('_') < 0 && !known.contains(name)) known.add(name);
        return "; known fields: " + known;
    }

    private static String expected(Class<?> type) {
        if (type == null) return "of another type";
        if (type == String.class) return "a string";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (wholeNumber(type)) return "a whole number";
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) return "a number";
        if (java.util.Collection.class.isAssignableFrom(type)) return "an array";
        return "an object";
    }
}
