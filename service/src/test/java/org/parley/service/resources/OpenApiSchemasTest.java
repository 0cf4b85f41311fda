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
        JsonNode schemas;
        try (InputStream in = OpenApiSchemasTest.class.getResourceAsStream("/openapi.yaml")) {
            schemas = new ObjectMapper(new YAMLFactory()).readTree(in).at("/components/schemas");
        }
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
