package org.parley.service.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * Refuses U+0000 in every JSON string of a request body. PostgreSQL's text type cannot hold it, so
 * a stored comment, id, reason or username with one failed at the database as a 500; no comment needs it.
 * The refusal is a 400 naming the field ({@link JsonExceptionMapper}). Bodies read as a tree (the
 * thread format) and query parameters are checked with {@link #check(String, String)} and {@link #check(JsonNode, String)}.
 */
public final class NulCharacters {
    public static final String MESSAGE = "must not contain the NUL character (U+0000)";

    private NulCharacters() {}

    public static SimpleModule module() {
        return new SimpleModule("no-nul-characters").addDeserializer(String.class, new Refusing());
    }

    /** @throws ApiException naming the field when the value holds U+0000 */
    public static void check(String value, String field) {
        if (holdsNul(value)) throw ApiException.badField(field, field + " " + MESSAGE);
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

    private static boolean holdsNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    /** Whether a failed read was this refusal. */
    static boolean refused(InvalidFormatException e) {
        return MESSAGE.equals(e.getOriginalMessage());
    }

    private static final class Refusing extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (holdsNul(s)) throw InvalidFormatException.from(p, MESSAGE, s, String.class);
            return s;
        }
    }
}
