package org.parley.service.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What PostgreSQL cannot store as sent (U+0000, an unpaired surrogate), refused in a tree as the thread format's bodies
 * are read, and shown as U+FFFD where a refusal echoes it. The request tests reach the strings Jackson reads one by one;
 * a tree's paths, its keys and the replacement were checked by no test of their own (PIT, sixty-first session).
 */
class UnstorableCharactersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ApiException refused(String json, String prefix) throws Exception {
        JsonNode tree = JSON.readTree(json);
        return assertThrows(ApiException.class, () -> UnstorableCharacters.check(tree, prefix), json);
    }

    @Test
    void aTreesStringIsNamedByItsPathUnderThePrefix() throws Exception {
        ApiException nul = refused("{\"comments\": [{\"text\": \"ok\"}, {\"id\": 7, \"text\": \"a\\u0000b\"}]}", "");
        assertEquals(400, nul.status());
        assertEquals("comments[1].text", nul.field());
        assertEquals("comments[1].text " + UnstorableCharacters.NUL, nul.getMessage());
        ApiException nested = refused("{\"article\": {\"tags\": [\"a\", [\"b\", \"\\ud800\"]]}}", "thread");
        assertEquals("thread.article.tags[1][1]", nested.field());
        assertEquals("thread.article.tags[1][1] " + UnstorableCharacters.SURROGATE, nested.getMessage());
        assertEquals("body", refused("\"\\udc00\"", "").field(), "a string that is the whole body");
        assertEquals("[2]", refused("[1, \"x\", \"\\u0000\"]", "").field());
    }

    /** A key is checked too, named by the object that holds it: the key itself is what was sent. */
    @Test
    void aKeyIsRefusedUnderItsObjectsName() throws Exception {
        assertEquals("body", refused("{\"a\\u0000\": 1}", "").field());
        assertEquals("comments[0]", refused("{\"comments\": [{\"\\ud83d\": \"x\"}]}", "").field());
        assertEquals("thread", refused("{\"\\u0000\": 1}", "thread").field());
    }

    @Test
    void aTreeOfStorableTextPasses() throws Exception {
        for (String json : new String[] {"{\"text\": \"emoji \\ud83d\\ude02 and \\u00e9\", \"n\": 3, \"b\": true, \"z\": null}",
                "[[], {}, \"\"]", "12", "\"a pair at the end \\ud83d\\ude02\""})
            UnstorableCharacters.check(JSON.readTree(json), "");
    }

    @Test
    void eachUnstorableCharIsShownAsTheReplacementCharacterAndPairsStay() {
        assertEquals("a\uFFFDb\uFFFDc\uD83D\uDE02\uFFFD", UnstorableCharacters.replaced("a\u0000b\uD800c\uD83D\uDE02\uDC00"));
        assertEquals("\uFFFD\uFFFD", UnstorableCharacters.replaced("\uD83D\uD83D"), "two high surrogates, neither paired");
        assertEquals("x\uFFFD", UnstorableCharacters.replaced("x\uD83D"), "a high surrogate at the end");
        assertEquals("\uFFFDx", UnstorableCharacters.replaced("\u0000x"), "at the start");
        String clean = "nothing to replace \uD83D\uDE02";
        assertSame(clean, UnstorableCharacters.replaced(clean));
        assertNull(UnstorableCharacters.replaced(null));
    }

    @Test
    void storableSaysWhetherAValueHoldsNeither() {
        assertTrue(UnstorableCharacters.storable(null));
        assertTrue(UnstorableCharacters.storable("\uD83D\uDE02"));
        assertFalse(UnstorableCharacters.storable("\uDE02\uD83D"), "a low surrogate before a high one pairs with nothing");
        assertFalse(UnstorableCharacters.storable("a\u0000"));
    }
}
