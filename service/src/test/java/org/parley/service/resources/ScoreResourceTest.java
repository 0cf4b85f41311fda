package org.parley.service.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.model.ModelBundle;
import org.parley.score.Scorer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.*;

@ExtendWith(DropwizardExtensionsSupport.class)
class ScoreResourceTest {
    private static final Scorer MODEL = mock(Scorer.class);
    private static final ModelBundle BUNDLE = mock(ModelBundle.class);

    static {
        when(BUNDLE.name()).thenReturn("fake");
        when(BUNDLE.version()).thenReturn("1");
        when(BUNDLE.checksum()).thenReturn("abc");
    }

    private static final ResourceExtension RESOURCES = ResourceExtension.builder()
            .addResource(new ScoreResource(MODEL, BUNDLE)).build();

    private Response post(String json) {
        return RESOURCES.target("/v1/score").request().post(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    @Test
    void answersEachAttributeWithTheModelsProbabilityAndNamesTheModel() {
        when(MODEL.score(List.of("you idiot"))).thenReturn(new float[][] {{0.9f, 0.1f, 0.2f, 0.8f, 0.3f, 0.05f}});
        Response r = post("{\"comment\": {\"text\": \"you idiot\"}, \"id\": \"c1\"}");
        assertEquals(200, r.getStatus());
        JsonNode body = r.readEntity(JsonNode.class);
        assertEquals("c1", body.get("id").asText());
        assertEquals(0.9, body.at("/attributes/TOXICITY/probability").asDouble(), 1e-6);
        assertEquals(0.8, body.at("/attributes/INSULT/probability").asDouble(), 1e-6);
        assertEquals(0.05, body.at("/attributes/THREAT/probability").asDouble(), 1e-6);
        assertEquals("fake", body.at("/model/name").asText());
        assertEquals("abc", body.at("/model/checksum").asText());
    }

    @Test
    void missingOrEmptyTextIsA422NamingTheField() {
        for (String bad : List.of("{}", "{\"comment\": {}}", "{\"comment\": {\"text\": \"  \"}}")) {
            Response r = post(bad);
            assertEquals(422, r.getStatus(), bad);
            assertTrue(r.readEntity(String.class).contains("comment"), bad);
        }
        verify(MODEL, never()).score(List.of("  "));
    }

    @Test
    void textOverTheLimitIsRefusedBeforeScoring() {
        reset(MODEL);
        String json = "{\"comment\": {\"text\": \"" + "a".repeat(20_481) + "\"}}";
        Response r = post(json);
        assertEquals(422, r.getStatus());
        assertTrue(r.readEntity(String.class).contains("20480"));
        verify(MODEL, never()).score(anyList());
    }

    @Test
    void invalidJsonIsA400() {
        assertEquals(400, post("{\"comment\": ").getStatus());
    }
}
