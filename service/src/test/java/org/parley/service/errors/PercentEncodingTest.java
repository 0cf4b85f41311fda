package org.parley.service.errors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bytes a path parameter's or a query's escapes spell, against RFC 3629; the requests: ModerationResourceTest. */
class PercentEncodingTest {
    @ParameterizedTest
    @ValueSource(strings = {"c-1", "forum-42%2Fc2", "caf%C3%A9", "%EF%BF%BD", "%F0%9F%98%80", "a+b%2B", "%zz", "50%", ""})
    void wellFormedOrNoEscapesAtAllIsTaken(String encoded) {
        assertTrue(PercentEncoding.utf8(encoded), encoded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%FF", "a%C3", "a%C3%28", "%C0%AF", "%ED%A0%80", "%F4%90%80%80", "%80", "caf%E9"})
    void escapesThatAreNotUtf8AreRefused(String encoded) {
        assertFalse(PercentEncoding.utf8(encoded), encoded);
    }
}
