package org.parley.service.moderation;

import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.policy.Policy;

import java.time.Instant;

/**
 * A comment as the store holds it: what the site sent, what the model said at ingestion, and
 * where it stands now. {@code spansJson} and {@code stanceJson} are the API's JSON, kept as text.
 *
 * @param scores probabilities by {@link Attribute#ordinal()}
 * @param version 1 at ingestion, one more with every decision and every reader's report after
 * @param language ISO 639-1 when the comment looked not to be in English at ingestion, else null
 * @param parentAuthor the parent's author as the comment names it, if it does
 * @param rulesJson the policy's rules that fired at ingestion (JSON array); null for comments stored before they were kept
 * @param id the site's id for it (POST /v1/comments {@code id}, or THREAD/COMMENT): unique per site only
 * @param site the site that stored it; null for comments stored before owners were kept (moderators' alone)
 * @param key the store's primary key ({@link org.parley.service.store.CommentStore#key}), which decisions and
 *            reports name: internal, never shown in an answer, a page, an export or a log
 * @param seniorOnly only a senior ({@link EscalationRule}) decides it: from its escalation until someone reopens it, so
 *                   a senior's decision on an escalated comment sticks
 */
public record StoredComment(
        String id, String articleId, String articleTitle, Integer number, String parentId, Integer parentNumber,
        String author, String text, String quote, Integer ratingUp, Integer ratingDown, int openReports,
        float[] scores, float risk, Attribute topAttribute, String spansJson, String stanceJson,
        ModelRef model, Action action, Status status, Decider decidedBy, int version,
        Instant createdAt, Instant updatedAt, String language, String parentAuthor, String rulesJson, String site,
        String key, boolean seniorOnly) {

    /** The model that scored the comment. */
    public record ModelRef(String name, String version, String checksum) {}

    /** The highest of the six probabilities: what the queues sort by. */
    public static float risk(float[] scores) {
        float max = 0;
        for (float s : scores) max = Math.max(max, s);
        return max;
    }

    /**
     * The least risk of a comment a phrase rule held: a site's word list is what it means a person to read first (the
     * shipped one, threats against a person). The model scores threats low ("I know where you live. Watch your back.":
     * 0.12), and one the threat list held waited at the end of the queue, 44th of 45 and 110th of 111, below every insult
     * (a moderator's sixth audit, sixty-sixth session). Not 1: then any text holding a listed phrase ("Nice photo! I know
     * where you live, lovely street") tied at the top, oldest first, and one site's hundred such comments came before
     * every other site's in a shared queue (an eighth penetration test, the same session); the comments the model is
     * surest of (0.95 and over) still come first.
     */
    static final float PHRASE_RISK = 0.95f;
    /** The least risk of a comment held for its language: the model reads it as English, so its scores say little. */
    static final float OTHER_LANGUAGE_RISK = 0.5f;

    /**
     * As {@link #risk(float[])}, or of the sentence that sent the comment to review ({@link org.parley.policy.SentenceRule}),
     * whichever is higher: an insult padded with civil sentences scores low as a whole, and would wait at the queue's end.
     * A comment a phrase rule or the language rule held is at least {@link #PHRASE_RISK} or {@link #OTHER_LANGUAGE_RISK}.
     */
    public static float risk(float[] scores, Policy.Decision decision) {
        float risk = decision.sentence() == null ? risk(scores) : Math.max(risk(scores), risk(decision.sentence().probabilities()));
        if (decision.byPhrase()) risk = Math.max(risk, PHRASE_RISK);
        if (decision.byLanguage()) risk = Math.max(risk, OTHER_LANGUAGE_RISK);
        return risk;
    }
}
