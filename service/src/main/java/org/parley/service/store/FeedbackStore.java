package org.parley.service.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Jdbi;
import org.parley.label.Attribute;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Scores that clients suggest ({@code comments:suggestscore}), kept for retraining. */
public final class FeedbackStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Jdbi jdbi;

    public FeedbackStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** One suggestion: the text and the labels, attribute → value in [0, 1]. */
    public record Feedback(String id, String text, Map<Attribute, Double> labels, String client, Instant createdAt) {}

    /** @return the id it was stored under */
    public String append(String text, Map<Attribute, Double> labels, String client, Instant now) {
        String id = UUID.randomUUID().toString();
        Map<String, Double> byName = new LinkedHashMap<>();
        labels.forEach((a, v) -> byName.put(a.name(), v));
        String json;
        try {
            json = JSON.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO feedback (id, text, labels, client, created_at) VALUES (:id, :text, :labels, :client, :at)")
                .bind("id", id).bind("text", text).bind("labels", json).bind("client", client)
                .bind("at", CommentStore.utc(now)).execute());
        return id;
    }

    public void all(Consumer<Feedback> sink) {
        jdbi.useHandle(h -> h.createQuery("SELECT * FROM feedback ORDER BY created_at, id")
                .map((rs, ctx) -> new Feedback(rs.getString("id"), rs.getString("text"), labels(rs.getString("labels")),
                        rs.getString("client"), CommentStore.instant(rs, "created_at")))
                .useStream(s -> s.forEach(sink)));
    }

    private static Map<Attribute, Double> labels(String json) {
        try {
            Map<String, Double> m = JSON.readerForMapOf(Double.class).readValue(json);
            Map<Attribute, Double> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(Attribute.valueOf(k), v));
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feedback labels are not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
