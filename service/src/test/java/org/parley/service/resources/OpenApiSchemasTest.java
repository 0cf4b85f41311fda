package org.parley.service.resources;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OpenAPI document's schemas list the fields the records they are named after serve: written by
 * hand, the document had fallen behind (CommentView's {@code language} was missing from it).
 */
class OpenApiSchemasTest {
    private static final ObjectMapper JSON = Jackson.newObjectMapper();
    private static final String[] PACKAGES = {"org.parley.service.api.", "org.parley.service.api.moderation."};

    @Test
    void everySchemaNamedAfterARecordListsExactlyItsJsonFields() throws Exception {
        JsonNode schemas = openApi().at("/components/schemas");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            Class<?> type = record(schema.getKey());
            if (type == null || !schema.getValue().has("properties")) continue;
            Set<String> documented = new TreeSet<>();
            schema.getValue().get("properties").fieldNames().forEachRemaining(documented::add);
            assertEquals(jsonFields(type), documented, "openapi.yaml's " + schema.getKey() + " against " + type.getName());
            checked++;
        }
        assertTrue(checked >= 8, "the request and response records are checked, not none: " + checked);
    }

    /**
     * GET /v1/admin/model's textPipeline.spanTagger is TextPipelineCheck written out, nullable (OpenAPI 3.0.3 reads no
     * nullable $ref): the copy lists the same fields, required and described alike, so that it cannot fall behind.
     */
    @Test
    void theSpanTaggersNullableCheckIsTextPipelineCheckWrittenOut() throws Exception {
        JsonNode doc = openApi();
        JsonNode named = doc.at("/components/schemas/TextPipelineCheck");
        JsonNode copy = doc.at("/paths/~1v1~1admin~1model/get/responses/200/content/application~1json/schema/properties/textPipeline/properties/spanTagger");
        assertEquals("object", copy.path("type").asText(), copy.toString());
        assertTrue(copy.path("nullable").asBoolean(false), copy.toString());
        assertEquals(named.get("required"), copy.get("required"));
        assertEquals(named.get("properties"), copy.get("properties"));
    }

    /**
     * A Node.js integrator's audit: the status and report endpoints, which sites call, named 200 and 404 only, though a
     * database outage makes them a 503 with Retry-After, and any keyed request may be a 401 (on Perspective's paths Google's
     * 403 and 400) or a 429.
     */
    @Test
    void everyKeyedOperationDocuments401And429AndEveryStoredOneTheDatabases503() throws Exception {
        JsonNode paths = openApi().get("paths");
        int stored = 0;
        for (Map.Entry<String, JsonNode> path : (Iterable<Map.Entry<String, JsonNode>>) paths::fields) {
            boolean database = path.getKey().matches("/v1/(comments|threads|decisions|queue|articles).*|/v1alpha1/comments:suggestscore");
            for (Map.Entry<String, JsonNode> op : (Iterable<Map.Entry<String, JsonNode>>) path.getValue()::fields) {
                String name = op.getKey() + " " + path.getKey();
                JsonNode responses = op.getValue().get("responses");
                JsonNode security = op.getValue().get("security");
                // Without security of its own, the document's; none, or {} among its alternatives (the log-out): no key needed.
                boolean keyed = security == null || (!security.isEmpty()
                        && java.util.stream.StreamSupport.stream(security.spliterator(), false).noneMatch(JsonNode::isEmpty));
                if (keyed) {
                    // Perspective's paths refuse keys as Google does: none a 403, a wrong one a 400.
                    if (path.getKey().startsWith("/v1alpha1/"))
                        assertTrue(responses.has("403") && responses.has("400") && !responses.has("401"), name + " needs a key: 403 and 400, as Google");
                    else assertTrue(responses.has("401"), name + " needs a key: 401");
                    assertTrue(responses.has("429"), name + " needs a key, which has a rate limit: 429");
                }
                if (database) {
                    assertTrue(responses.has("503"), name + " needs the database: 503");
                    stored++;
                }
            }
        }
        assertTrue(stored >= 10, "the stored endpoints are checked: " + stored);
    }

    private static JsonNode openApi() throws java.io.IOException {
        try (InputStream in = OpenApiSchemasTest.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static Class<?> record(String name) {
        for (String p : PACKAGES) {
            try {
                Class<?> c = Class.forName(p + name);
                if (c.isRecord()) return c;
            } catch (ClassNotFoundException e) {
                // not in this package
            }
        }
        return null;
    }

    /** The field names Jackson writes and reads for the type, renames included. */
    private static Set<String> jsonFields(Class<?> type) {
        BeanDescription d = JSON.getSerializationConfig().introspect(JSON.constructType(type));
        Set<String> out = new TreeSet<>();
        for (BeanPropertyDefinition p : d.findProperties()) out.add(p.getName());
        return out;
    }
}
