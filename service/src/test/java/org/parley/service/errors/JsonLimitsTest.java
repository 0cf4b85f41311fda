package org.parley.service.errors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The token limit leaves the largest valid requests room to spare, so that it refuses only what no client sends. */
class JsonLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static long tokens(Object body) throws Exception {
        long n = 0;
        try (JsonParser p = JSON.getFactory().createParser(JSON.writeValueAsBytes(body))) {
            while (p.nextToken() != null) n++;
        }
        return n;
    }

    /** A /v1/score body with every field, all six attributes and ten targets. */
    private static Map<String, Object> scoreItem() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("comment", Map.of("text", "a comment"));
        c.put("id", "c-1");
        c.put("attributes", List.of("TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT"));
        c.put("doNotStore", true);
        c.put("context", Map.of("articleTitle", "t", "parentText", "p", "commentNumber", 3, "rating", Map.of("up", 1, "down", 2)));
        c.put("spans", true);
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 10; i++) targets.add("target " + i);
        c.put("targets", targets);
        return c;
    }

    /** A thread's comment with every field of the thread format. */
    private static Map<String, Object> threadComment(int i) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", "c" + i);
        c.put("number", i + 1);
        c.put("text", "a comment");
        c.put("author", "a");
        c.put("parentId", "c0");
        c.put("parentNumber", 1);
        c.put("parentAuthor", "b");
        c.put("quote", "q");
        c.put("rating", Map.of("up", 1, "down", 2));
        return c;
    }

    @Test
    void theLargestValidRequestsHoldLessThanHalfTheLimit() throws Exception {
        long limit = JsonLimits.maxTokens(500);
        assertEquals(60_000, limit);
        List<Object> batch = new ArrayList<>();
        for (int i = 0; i < 100; i++) batch.add(scoreItem());
        List<Object> comments = new ArrayList<>();
        for (int i = 0; i < 500; i++) comments.add(threadComment(i));
        Map<String, Object> thread = Map.of("id", "t", "article", Map.of("id", "a", "title", "t", "url", "u", "body", "b"), "comments", comments);
        List<Object> bulk = new ArrayList<>();
        for (int i = 0; i < 200; i++) bulk.add(Map.of("id", "c" + i, "site", "a.example", "expectedVersion", 3, "reason", "insult"));
        Map<String, Object> largest = Map.of(
                "/v1/score/batch", Map.of("comments", batch),
                "/v1/score/thread", Map.of("thread", thread, "targets", scoreItem().get("targets"), "attributes", scoreItem().get("attributes")),
                "/v1/decisions", Map.of("decision", "REJECT", "reason", "insult", "note", "n", "comments", bulk));
        for (Map.Entry<String, Object> e : largest.entrySet())
            assertTrue(tokens(e.getValue()) * 2 < limit, e.getKey() + ": " + tokens(e.getValue()) + " tokens of " + limit);
    }

    @Test
    void theLimitGrowsWithTheMostCommentsARequestMayCarry() {
        assertTrue(JsonLimits.maxTokens(5_000) > 5_000 * 2 * 40);
        assertEquals(JsonLimits.maxTokens(1), JsonLimits.maxTokens(0));
    }
}
