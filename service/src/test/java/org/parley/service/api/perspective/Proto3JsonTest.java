package org.parley.service.api.perspective;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one-name-per-field check on a mapper of each test's own: the resources' tests read through a mapper built once per
 * test JVM, whose cached deserializers PIT's mutants of {@link Proto3Json#module} never rebuild (they survived, and
 * failed those tests when made by hand).
 */
class Proto3JsonTest {
    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(Proto3Json.module());
    }

    @Test
    void aFieldUnderBothItsNamesIsRefusedAtAnyDepthAndOneNameIsRead() throws Exception {
        Proto3Json.Refused twice = assertThrows(Proto3Json.Refused.class, () -> mapper().readValue(
                "{\"requestedAttributes\": {\"TOXICITY\": {}}, \"requested_attributes\": null}", AnalyzeRequest.class));
        assertTrue(twice.getMessage().startsWith("is given twice, as requestedAttributes and requested_attributes"), twice.getMessage());
        assertEquals("requestedAttributes", twice.getPath().get(twice.getPath().size() - 1).getFieldName());

        Proto3Json.Refused nested = assertThrows(Proto3Json.Refused.class, () -> mapper().readValue(
                "{\"requestedAttributes\": {\"TOXICITY\": {\"score_threshold\": 0.1, \"scoreThreshold\": 0.9}}}", AnalyzeRequest.class));
        assertTrue(nested.getMessage().startsWith("is given twice, as score_threshold and scoreThreshold"), nested.getMessage());

        AnalyzeRequest one = mapper().readValue("{\"client_token\": \"a\", \"requested_attributes\": {\"TOXICITY\":"
                + " {\"score_threshold\": 0.5}}}", AnalyzeRequest.class);
        assertEquals("a", one.clientToken());
        assertEquals(0.5, one.requestedAttributes().get("TOXICITY").scoreThreshold());
        assertNull(mapper().readValue("null", AnalyzeRequest.class), "not an object: read as it is");
    }
}
