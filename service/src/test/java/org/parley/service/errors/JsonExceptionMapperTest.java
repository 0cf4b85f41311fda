package org.parley.service.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.parley.service.api.ScoreRequest;
import org.parley.service.api.ThreadRequest;
import org.parley.service.api.perspective.AnalyzeRequest;
import org.parley.service.api.moderation.DecisionRequest;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The 400 a body Jackson cannot read gets, read from the failure alone: the cases the request tests do not tell apart
 * (PIT on the errors package with the resource tests, sixty-first session). The mapper here is Jackson's with the one
 * setting these cases need from the service's (floats are not whole numbers).
 */
class JsonExceptionMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static ApiException described(String json, Class<?> type) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> JSON.readValue(json, type), json);
        return JsonExceptionMapper.describe(e);
    }

    /** An Integer field: its largest value written as a fraction is in range (write it whole); one more is not. */
    @Test
    void aWholeFractionIsOutOfRangeOnlyBeyondTheTypesLargest() {
        ApiException whole = described("{\"expectedVersion\": 2147483647.0}", DecisionRequest.class);
        assertEquals("expectedVersion", whole.field());
        assertEquals("expectedVersion must be a whole number", whole.getMessage());
        ApiException beyond = described("{\"expectedVersion\": 2147483648.0}", DecisionRequest.class);
        assertEquals("expectedVersion is out of range: a whole number of at most 2147483647", beyond.getMessage());
        assertEquals(Integer.MAX_VALUE, beyond.limit());
        assertEquals("expectedVersion must be a whole number", described("{\"expectedVersion\": 3.5}", DecisionRequest.class).getMessage());
    }

    @Test
    void anUnknownFieldIsNamedWithTheFieldsTheObjectKnows() {
        ApiException unknown = described("{\"decision\": \"approve\", \"verdict\": 1}", DecisionRequest.class);
        assertEquals("verdict", unknown.field());
        assertTrue(unknown.getMessage().startsWith("unknown field 'verdict'; known fields: ["), unknown.getMessage());
        for (String known : new String[] {"decision", "reason", "expectedVersion", "note"})
            assertTrue(unknown.getMessage().contains(known), unknown.getMessage());
    }

    /** scripts/import-page's thread document posted whole to /v1/score/thread: the answer says where it goes. */
    @Test
    void aThreadDocumentPostedWholeIsToldToGoInsideTheRequest() {
        String hint = "; the thread document goes inside the request";
        for (String field : new String[] {"id", "article", "comments"})
            assertTrue(described("{\"" + field + "\": 1}", ThreadRequest.class).getMessage().contains(hint), field);
        assertFalse(described("{\"title\": 1}", ThreadRequest.class).getMessage().contains(hint), "not a thread document's field");
        assertFalse(described("{\"comments\": 1}", DecisionRequest.class).getMessage().contains(hint), "not the thread endpoint's body");
    }

    /**
     * On /v1/score (and a batch's parts), the names scripts/score's lines and /v1/threads use say where the field goes;
     * the same names elsewhere get no such hint (a stance integrator's third review, sixty-fourth session).
     */
    @Test
    void aScoreRequestsFieldUnderAnotherEndpointsNameIsToldWhereItGoes() {
        assertTrue(described("{\"text\": \"hi\"}", ScoreRequest.class).getMessage().endsWith("; the comment's text goes in comment.text: {\"comment\": {\"text\": …}}"));
        assertTrue(described("{\"target\": \"war\"}", ScoreRequest.class).getMessage().endsWith("; stance targets go in targets, an array: {\"targets\": [\"…\"]}"));
        ApiException parent = described("{\"comment\": {\"text\": \"hi\"}, \"parentText\": \"yo\"}", ScoreRequest.class);
        assertEquals("parentText", parent.field());
        assertTrue(parent.getMessage().endsWith("; the text the comment replies to goes in context.parentText: {\"context\": {\"parentText\": …}}"), parent.getMessage());
        assertTrue(described("{\"targetz\": 1}", ScoreRequest.class).getMessage().endsWith("]"), "another name: the known fields alone");
        assertTrue(described("{\"target\": 1}", DecisionRequest.class).getMessage().endsWith("]"), "not the score request");
    }

    /** :analyze takes the fields Perspective defines that it does not read: they are known, not unknown. */
    @Test
    void theKnownFieldsIncludeThoseTakenWithoutBeingRead() {
        String message = described("{\"comment\": {\"text\": \"hi\"}, \"sessionIdd\": 1}", AnalyzeRequest.class).getMessage();
        for (String known : new String[] {"comment", "requestedAttributes", "communityId", "sessionId", "context"})
            assertTrue(message.contains(known), message);
        assertFalse(message.contains("session_id"), "a snake_case alias is no more listed than the read fields' are: " + message);
    }

    /** A second value after the body was "body must be an object" of a body that is one (an integrator's audit, sixty-third session). */
    @Test
    void aSecondValueAfterTheBodyIsSaidToBeOne() {
        for (String json : new String[] {"{\"decision\": \"approve\"}{\"a\": 1}", "{\"decision\": \"approve\"} 7", "{} []"}) {
            ApiException trailing = described(json, DecisionRequest.class);
            assertEquals("body", trailing.field(), json);
            assertEquals("body holds more than one JSON value: send one object, and nothing after it", trailing.getMessage(), json);
        }
        assertEquals("decision must be a string", described("{\"decision\": {}}", DecisionRequest.class).getMessage(),
                "another mismatch says what the field must be, as before");
    }

    /** A name sent is repeated by its first 100 characters (a code point cut whole), in the message and as the field. */
    @Test
    void aLongUnknownNameIsRepeatedByItsFirstHundredCharacters() {
        String name = "\uD83D\uDE00".repeat(150);
        ApiException unknown = described("{\"" + name + "\": 1}", DecisionRequest.class);
        String cut = "\uD83D\uDE00".repeat(100) + "…";
        assertEquals(cut, unknown.field());
        assertTrue(unknown.getMessage().startsWith("unknown field '" + cut + "'"), unknown.getMessage());
        assertEquals("verdict", described("{\"verdict\": 1}", DecisionRequest.class).field(), "a short one whole");
    }

    /** Jackson's reader limits: what was exceeded, with the limit. */
    @Test
    void aNumberLongerThanTheReadersLimitNamesTheLimit() {
        ApiException tooLong = described("{\"expectedVersion\": " + "1".repeat(1_001) + "}", DecisionRequest.class);
        assertEquals(1_000L, tooLong.limit());
        assertTrue(tooLong.getMessage().endsWith(" holds a number longer than 1000 digits"), tooLong.getMessage());
    }

    /** A mapping failure of another kind (a constructor that throws, say) names the field it could not read. */
    @Test
    void anotherMappingFailureSaysWhatCouldNotBeRead() {
        ApiException other = JsonExceptionMapper.describe(JsonMappingException.from((JsonParser) null, "no creator"));
        assertEquals(400, other.status());
        assertEquals("body", other.field());
        assertEquals("cannot read body", other.getMessage());
    }
}
