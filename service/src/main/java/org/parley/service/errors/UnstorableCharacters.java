package org.parley.service.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * Refuses, in every JSON string of a request body, what PostgreSQL cannot store as sent: U+0000,
 * which its text type cannot hold (a stored comment, id, reason or username with one failed at the
 * database as a 500), and an unpaired UTF-16 surrogate ("\ud800"), which JSON's escapes allow but
 * which is not text: the driver stored it as '?', so two ids differing only there became one.
 * The refusal is a 400 naming the field ({@link JsonExceptionMapper}). Bodies read as a tree (the
 * thread format) and query parameters are checked with {@link #check(String, String)} and {@link #check(JsonNode, String)}.
 */
public final class UnstorableCharacters {
    public static final String NUL = "must not contain the NUL character (U+0000)";
    public static final String SURROGATE = "must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF): it is not text";

    private UnstorableCharacters() {}

    public static SimpleModule module() {
        return new SimpleModule("no-unstorable-characters").addDeserializer(String.class, new Refusing());
    }

    /** @throws ApiException naming the field when the value holds U+0000 or an unpaired surrogate */
    public static void check(String value, String field) {
        String problem = problem(value);
        if (problem != null) throw ApiException.badField(field, field + " " + problem);
    }

    /**
     * The same for every string and field name in a tree, named by its path under {@code prefix}
     * ("comments[3].text").
     */
    public static void check(JsonNode node, String prefix) {
        if (node.isTextual()) check(node.textValue(), prefix.isEmpty() ? "body" : prefix);
        else if (node.isArray()) for (int i = 0; i < node.size(); i++) check(node.get(i), prefix + "[" + i + "]");
        else if (node.isObject()) node.fields().forEachRemaining(e -> {
            String field = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            check(e.getKey(), prefix.isEmpty() ? "body" : prefix);
            check(e.getValue(), field);
        });
    }

    /** Whether the value (null too) holds neither U+0000 nor an unpaired surrogate. */
    public static boolean storable(String value) {
        return problem(value) == null;
    }

    /** The value with U+0000 and each unpaired surrogate replaced by U+FFFD (null stays null). */
    public static String replaced(String value) {
        int bad = value == null ? -1 : nextUnstorable(value, 0);
        if (bad < 0) return value;
        StringBuilder out = new StringBuilder(value.length());
        int from = 0;
        for (; bad >= 0; bad = nextUnstorable(value, from)) {
            out.append(value, from, bad).append('\uFFFD');
            from = bad + 1;
        }
        return out.append(value, from, value.length()).toString();
    }

    /** {@link #NUL}, {@link #SURROGATE} or null. */
    private static String problem(String value) {
        int bad = value == null ? -1 : nextUnstorable(value, 0);
        return bad < 0 ? null : value.charAt(bad) == '\0' ? NUL : SURROGATE;
    }

    /** Where, at or after {@code from}, the value first holds U+0000 or an unpaired surrogate; -1 if nowhere. */
    private static int nextUnstorable(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) i++;
            else if (c == '\0' || Character.isSurrogate(c)) return i;
        }
        return -1;
    }

    /** Whether a failed read was this refusal. */
    static boolean refused(InvalidFormatException e) {
        return NUL.equals(e.getOriginalMessage()) || SURROGATE.equals(e.getOriginalMessage());
    }

    private static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            String problem = problem(s);
            if (problem != null) throw InvalidFormatException.from(p, problem, s, String.class);
            return s;
        }
    }
}
