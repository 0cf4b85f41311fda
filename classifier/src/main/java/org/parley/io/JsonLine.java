package org.parley.io;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One line of a JSON Lines file people hand the scripts, read as the service reads a body: a key given
 * twice, or anything after the value, is refused. A plain {@code readTree} kept the last of two keys and
 * stopped at the end of the first value, so two records run together on one line (a lost line break)
 * scored or trained as the first alone, and the second went unread without a word.
 */
public final class JsonLine {
    /**
     * No limit of Jackson's on a string's length: the line is in memory already, and its field's own limit says what is
     * wrong (scripts/score's 20,480 characters), where Jackson's 20,000,000 named a method of its own (a data scientist's
     * sixth audit).
     */
    private static final ObjectMapper JSON = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
                            .maxStringLength(Integer.MAX_VALUE).build()).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonLine() {}

    /** The line's one JSON value; {@link JsonProcessingException#getOriginalMessage()} says what is wrong. */
    public static JsonNode read(String line) throws JsonProcessingException {
        try (JsonParser p = JSON.createParser(line)) {
            JsonNode node = JSON.readTree(p);
            if (node != null && p.nextToken() != null)
                // Counted from the line's start: Jackson's column starts again after a carriage return inside it.
                throw new JsonParseException(p, "more follows the JSON value at column "
                        + (p.currentTokenLocation().getCharOffset() + 1) + " (two lines run together?)");
            return node;
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String reader does no I/O
        }
    }
}
