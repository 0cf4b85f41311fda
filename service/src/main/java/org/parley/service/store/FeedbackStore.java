package org.parley.service.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.parley.label.Attribute;

import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Scores that clients suggest ({@code comments:suggestscore}), kept for retraining. */
public final class FeedbackStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SQLSTATE of a unique constraint broken, in H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private final Jdbi jdbi;

    public FeedbackStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * One suggestion: the text and the labels, attribute → value in [0, 1].
     *
     * @param language the language the text looks to be in when not English (ISO 639-1), else null
     * @param site     the site of the key that suggested it; null for suggestions stored before sites were kept
     */
    public record Feedback(String id, String text, Map<Attribute, Double> labels, String client, String language,
                           String site, Instant createdAt) {}

    /**
     * Stores one suggestion, once: the same text and labels again from the same client (a retry) store
     * nothing more.
     *
     * @return the id it was stored under; empty when it repeated one stored before
     */
    public Optional<String> append(String text, Map<Attribute, Double> labels, String client, Instant now) {
        return append(text, labels, client, null, null, now);
    }

    /**
     * @param language the language the text looks to be in when not English, else null
     * @param site     the site of the key that suggests it (its {@code site=} name, else {@code key:FINGERPRINT})
     */
    public Optional<String> append(String text, Map<Attribute, Double> labels, String client, String language, String site,
                                   Instant now) {
        Map<Attribute, Double> ordered = new EnumMap<>(Attribute.class);  // the same labels, the same key
        ordered.putAll(labels);
        Map<String, Double> byName = new LinkedHashMap<>();
        ordered.forEach((a, v) -> byName.put(a.name(), v));
        String json;
        try {
            json = JSON.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String id = UUID.randomUUID().toString();
        try {
            // A transaction of one statement, not autocommit: a commit the connection breaks under then fails as a commit
            // (errors.DatabaseExceptionMapper tells the client it may have been stored), not as the INSERT it ran in.
            jdbi.useTransaction(h -> h.createUpdate("INSERT INTO feedback (id, text, labels, client, language, site, content_key, created_at) "
                            + "VALUES (:id, :text, :labels, :client, :language, :site, :key, :at)")
                    .bind("id", id).bind("text", text).bind("labels", json).bind("client", client).bind("language", language)
                    .bind("site", site)
                    .bind("key", contentKey(text, json)).bind("at", CommentStore.utc(now)).execute());
            return Optional.of(id);
        } catch (UnableToExecuteStatementException e) {
            // Not ON CONFLICT DO NOTHING: H2 parses it only in PostgreSQL mode, and one full test run got a
            // syntax error for it (likely: eight connections racing to open a closed H2 file).
            if (e.getCause() instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) return Optional.empty();
            throw e;
        }
    }

    /** SHA-256 of the text and the labels' JSON, a NUL between them (neither holds one). */
    static String contentKey(String text, String labelsJson) {
        return AccountStore.sha256(text + '\0' + labelsJson);
    }

    /**
     * Every suggestion stored before the start, oldest first, read as {@link ExportReads#latestModeratorDecisions} reads
     * decisions: by (time, id) up to the last at the start, a chunk at a time, each in its own short transaction. One
     * stored during the read is left to the next (but for one stored under a time not after the last one's then).
     */
    public void all(Consumer<Feedback> sink) {
        all(sink, ExportReads.CHUNK);
    }

    void all(Consumer<Feedback> sink, int chunk) {
        Optional<Feedback> last = jdbi.withHandle(h -> h.createQuery("SELECT * FROM feedback ORDER BY created_at DESC, id DESC LIMIT 1")
                .map((rs, ctx) -> feedback(rs)).findOne());
        if (last.isEmpty()) return;
        ExportReads.inChunks(chunk, from -> jdbi.withHandle(h -> {
            var q = h.createQuery("SELECT * FROM feedback WHERE (created_at < :lastAt OR (created_at = :lastAt AND id <= :lastId))"
                            + (from == null ? "" : " AND (created_at > :afterAt OR (created_at = :afterAt AND id > :afterId))")
                            + " ORDER BY created_at, id LIMIT :chunk")
                    .bind("lastAt", CommentStore.utc(last.get().createdAt())).bind("lastId", last.get().id()).bind("chunk", chunk);
            if (from != null) q.bind("afterAt", CommentStore.utc(from.createdAt())).bind("afterId", from.id());
            return q.map((rs, ctx) -> feedback(rs)).list();
        }), sink);
    }

    private static Feedback feedback(java.sql.ResultSet rs) throws SQLException {
        return new Feedback(rs.getString("id"), rs.getString("text"), labels(rs.getString("labels")),
                rs.getString("client"), rs.getString("language"), rs.getString("site"), CommentStore.instant(rs, "created_at"));
    }

    /** The sites that suggested scores, in order. */
    public List<String> sites() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT site FROM feedback WHERE site IS NOT NULL ORDER BY site")
                .mapTo(String.class).list());
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
