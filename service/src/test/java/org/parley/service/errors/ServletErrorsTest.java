package org.parley.service.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.parley.service.WrittenBody;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.verify;

/**
 * The answers written where Jersey's mappers do not reach (servlet filters, Jetty's error handler): the tests that start
 * the service read them through Jetty, and no unit test held their status, length or optional fields (PIT, sixty-first
 * session).
 */
class ServletErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anAnswerHasItsStatusTypeLengthAndBody() throws Exception {
        WrittenBody written = new WrittenBody();
        HttpServletResponse response = written.response;
        ServletErrors.write(response, 413, "body is over 1 byte: \"é\"");
        byte[] body = written.bytes.toByteArray();
        verify(response).setStatus(413);
        verify(response).setContentType("application/json");
        verify(response).setContentLength(body.length);
        JsonNode read = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        assertEquals(413, read.get("code").asInt());
        assertEquals("body is over 1 byte: \"é\"", read.get("message").asText());
        assertFalse(read.has("field") || read.has("limit"), read.toString());
    }

    @Test
    void aFieldAndALimitAreWrittenWhenGivenEachAlone() throws Exception {
        JsonNode both = JSON.readTree(ServletErrors.json(400, "m", "comment.text", 20_480L));
        assertEquals("comment.text", both.get("field").asText());
        assertEquals(20_480L, both.get("limit").asLong());
        JsonNode field = JSON.readTree(ServletErrors.json(400, "m", "body", null));
        assertEquals("body", field.get("field").asText());
        assertFalse(field.has("limit"), field.toString());
        JsonNode limit = JSON.readTree(ServletErrors.json(413, "m", null, 100L));
        assertFalse(limit.has("field"), limit.toString());
        assertEquals(100L, limit.get("limit").asLong());
    }
}
