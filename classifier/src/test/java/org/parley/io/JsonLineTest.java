package org.parley.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** A JSON Lines line read as the service reads a body: one value, each key once. */
class JsonLineTest {
    @Test
    void oneValueIsReadWithTrailingSpace() throws JsonProcessingException {
        assertEquals("c1", JsonLine.read("{\"id\": \"c1\", \"text\": \"hi\"}  ").get("id").asText());
        assertEquals(3, JsonLine.read("[1, 2, 3]").size());
        assertNull(JsonLine.read("   "), "a blank line holds no value");
    }

    @Test
    void twoRecordsRunTogetherAreRefusedNamingTheColumn() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> JsonLine.read("{\"id\": \"c1\"}{\"id\": \"c2\"}"));
        assertEquals("more follows the JSON value at column 13 (two lines run together?)", e.getOriginalMessage());
        assertThrows(JsonProcessingException.class, () -> JsonLine.read("{\"id\": \"c1\"} 7"));
        // The column on the line, a carriage return inside it or not.
        assertEquals("more follows the JSON value at column 14 (two lines run together?)", assertThrows(JsonProcessingException.class,
                () -> JsonLine.read("{\"id\":\r\"c1\"} {\"id\": \"c2\"}")).getOriginalMessage());
    }

    /**
     * A data scientist's sixth audit: a line of a 20 MB text was refused with Jackson's own limit ("exceeds the maximum
     * allowed (… getMaxStringLength())"), not the field's 20,480 characters that its reader names.
     */
    @Test
    void aStringOfAnyLengthIsReadForItsFieldsOwnLimitToSpeak() throws JsonProcessingException {
        String text = "x".repeat(20_000_001);
        assertEquals(text.length(), JsonLine.read("{\"id\": \"c1\", \"text\": \"" + text + "\"}").get("text").asText().length());
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        JsonProcessingException e = assertThrows(JsonProcessingException.class,
                () -> JsonLine.read("{\"text\": \"kind words\", \"text\": \"the real one\"}"));
        assertEquals("Duplicate field 'text'", e.getOriginalMessage());
    }
}
