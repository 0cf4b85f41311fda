package org.parley.service.moderation;

import java.util.List;

import org.parley.label.Attribute;
import org.parley.policy.Action;

/**
 * A scored comment on its way into the store; the policy's {@code action} sets its first status.
 *
 * @param language ISO 639-1 when the comment looks not to be in English, else null
 * @param parentAuthor the parent's author as the comment names it, if it does
 * @param rulesJson the policy's rules that fired, a JSON array of strings
 * @param site the site that sent it (the caller's site), its owner
 * @param alsoQuotes the further comments it quotes besides its parent; empty when none
 * @param risk what the open queues sort by ({@link StoredComment#risk(float[], org.parley.policy.Policy.Decision)});
 *             left out, the highest of the six probabilities
 */
public record NewComment(
        String id, String articleId, String articleTitle, Integer number, String parentId, Integer parentNumber,
        String author, String text, String quote, Integer ratingUp, Integer ratingDown,
        float[] scores, Attribute topAttribute, String spansJson, String stanceJson,
        StoredComment.ModelRef model, Action action, String language, String parentAuthor, String rulesJson,
        String site, float risk, List<AlsoQuoted> alsoQuotes) {

    public NewComment {
        alsoQuotes = alsoQuotes == null ? List.of() : List.copyOf(alsoQuotes);
    }

    /** A comment that quotes no comment besides its parent. */
    public NewComment(String id, String articleId, String articleTitle, Integer number, String parentId, Integer parentNumber,
                      String author, String text, String quote, Integer ratingUp, Integer ratingDown,
                      float[] scores, Attribute topAttribute, String spansJson, String stanceJson,
                      StoredComment.ModelRef model, Action action, String language, String parentAuthor, String rulesJson,
                      String site, float risk) {
        this(id, articleId, articleTitle, number, parentId, parentNumber, author, text, quote, ratingUp, ratingDown, scores,
                topAttribute, spansJson, stanceJson, model, action, language, parentAuthor, rulesJson, site, risk, List.of());
    }

    public NewComment(String id, String articleId, String articleTitle, Integer number, String parentId, Integer parentNumber,
                      String author, String text, String quote, Integer ratingUp, Integer ratingDown,
                      float[] scores, Attribute topAttribute, String spansJson, String stanceJson,
                      StoredComment.ModelRef model, Action action, String language, String parentAuthor, String rulesJson,
                      String site) {
        this(id, articleId, articleTitle, number, parentId, parentNumber, author, text, quote, ratingUp, ratingDown, scores,
                topAttribute, spansJson, stanceJson, model, action, language, parentAuthor, rulesJson, site, StoredComment.risk(scores));
    }

    /** This reply with {@code quote} for its own (null: none): a passage it quoted is erased. */
    public NewComment withQuote(String quote) {
        return new NewComment(id, articleId, articleTitle, number, parentId, parentNumber, author, text, quote, ratingUp, ratingDown,
                scores, topAttribute, spansJson, stanceJson, model, action, language, parentAuthor, rulesJson, site, risk, alsoQuotes);
    }

    /** This comment with {@code alsoQuotes} for its own: a comment some entry quotes is erased. */
    public NewComment withAlsoQuotes(List<AlsoQuoted> alsoQuotes) {
        return new NewComment(id, articleId, articleTitle, number, parentId, parentNumber, author, text, quote, ratingUp, ratingDown,
                scores, topAttribute, spansJson, stanceJson, model, action, language, parentAuthor, rulesJson, site, risk, alsoQuotes);
    }

    /** This reply without what its site copied of the comment it answers (its quote and parent author): that one is erased. */
    public NewComment withoutCopies() {
        return new NewComment(id, articleId, articleTitle, number, parentId, parentNumber, author, text, null, ratingUp, ratingDown,
                scores, topAttribute, spansJson, stanceJson, model, action, language, null, rulesJson, site, risk, alsoQuotes);
    }
}
