package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import org.parley.policy.Action;
import org.parley.service.api.ScoreResponse;
import org.parley.text.BlankText;

import java.util.List;
import java.util.Map;

/**
 * A stored comment as the API shows it: what the site sent, the scores at ingestion (the same
 * shapes as POST /v1/score), where it stands now and, on GET /v1/comments/{id}, its parent and history.
 *
 * @param site        the site that stored it: its site= name, else key:FINGERPRINT of the key (absent for
 *                    comments stored before the twenty-first session)
 * @param version     send it back as {@code expectedVersion} when deciding
 * @param decidedBy   RULE (the policy) or MODERATOR: who set {@code status}
 * @param stance      per target, when targets were given; null otherwise
 * @param replyStance toward the parent, when its text was known ({@link #replyTo} says which text)
 * @param parent      the comment it answers, when stored (GET /v1/comments/{id} only)
 * @param history     every decision, oldest first (GET /v1/comments/{id} only)
 * @param reports     readers' reports, newest first (GET /v1/comments/{id} only): why readers flagged it
 * @param duplicate   true when a submission's id was already stored: this is the stored comment
 * @param seniorOnly  true when only a senior (moderation.escalationRole) may decide it: it is escalated, or was decided
 *                    after its escalation and not reopened since; absent otherwise, and always absent in the answers
 *                    a website key gets (moderation state, shown to moderator and admin keys and sessions only)
 * @param language    as in /v1/score: present only when the comment looked not to be in English
 * @param rules       the policy's rules that fired at ingestion, as in /v1/score: why it was held (or published)
 * @param alsoQuotes  the further comments it quotes besides its parent, in the order quoted (absent when none, and for
 *                    comments stored before the forty-seventh session)
 * @param stanceModel the stance bundle that read {@code stance} and {@code replyStance}, as in /v1/score
 *                    (absent for comments stored before the twentieth session)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CommentView(
        String id, String site, String articleId, String articleTitle, Integer number, String parentId, Integer parentNumber,
        String parentAuthor, String author, String text, String quote, CommentSubmission.Votes communityRating,
        String status, String decidedBy, int version, int openReports,
        Map<String, ScoreResponse.AttributeScore> attributes, float risk, ScoreResponse.Rating rating, Action action,
        List<String> rules, String language, List<ScoreResponse.SpanScore> spans, JsonNode stance, JsonNode replyStance, ScoreResponse.ModelInfo model,
        ScoreResponse.ModelInfo stanceModel,
        String createdAt, String updatedAt, CommentView parent, List<HistoryEntry> history, List<ReportEntry> reports,
        Boolean duplicate, Boolean seniorOnly, List<Quoted> alsoQuotes) {

    public CommentView(String id, String site, String articleId, String articleTitle, Integer number, String parentId,
                       Integer parentNumber, String parentAuthor, String author, String text, String quote,
                       CommentSubmission.Votes communityRating, String status, String decidedBy, int version, int openReports,
                       Map<String, ScoreResponse.AttributeScore> attributes, float risk, ScoreResponse.Rating rating,
                       Action action, List<String> rules, String language, List<ScoreResponse.SpanScore> spans, JsonNode stance,
                       JsonNode replyStance, ScoreResponse.ModelInfo model, ScoreResponse.ModelInfo stanceModel,
                       String createdAt, String updatedAt, CommentView parent, List<HistoryEntry> history,
                       List<ReportEntry> reports, Boolean duplicate, Boolean seniorOnly) {
        this(id, site, articleId, articleTitle, number, parentId, parentNumber, parentAuthor, author, text, quote,
                communityRating, status, decidedBy, version, openReports, attributes, risk, rating, action, rules, language,
                spans, stance, replyStance, model, stanceModel, createdAt, updatedAt, parent, history, reports, duplicate,
                seniorOnly, null);
    }

    /** This view with the further comments it quotes; none (empty or null) leaves the field out. */
    public CommentView withAlsoQuotes(List<Quoted> quoted) {
        return new CommentView(id, site, articleId, articleTitle, number, parentId, parentNumber, parentAuthor, author, text,
                quote, communityRating, status, decidedBy, version, openReports, attributes, risk, rating, action, rules,
                language, spans, stance, replyStance, model, stanceModel, createdAt, updatedAt, parent, history, reports,
                duplicate, seniorOnly, quoted == null || quoted.isEmpty() ? null : List.copyOf(quoted));
    }

    /**
     * A further comment it quotes besides its parent (the thread format's {@code alsoQuotes}): its id as stored where
     * known, its number, the name the comment gives it and the passage; name and passage absent once that comment or its
     * author is erased.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Quoted(String id, Integer number, String author, String text) {}

    /**
     * What {@code replyStance} was read against ({@code stance.ReplyContext}'s rule): "quote", the passage in
     * {@code quote}, or "parent", the comment {@code parentId} or {@code parentNumber} names; null without a reply
     * stance. The moderator page's stance chip says "reply to quote" from it, where it repeated the rule (a quote of
     * nothing visible is none, {@link BlankText}) in JavaScript.
     */
    @JsonProperty(value = "replyTo", access = JsonProperty.Access.READ_ONLY)
    public String replyTo() {
        if (replyStance == null || replyStance.isNull()) return null;
        return quote != null && !BlankText.is(quote) ? "quote" : "parent";
    }

    /** One decision as made: by whom, when, why, on which text, scores and model version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record HistoryEntry(int version, String decision, String status, String reason, String note, String actor,
                               String actorKind, String decidedAt, String text, Map<String, Float> scores,
                               String modelVersion, String modelChecksum) {}

    /** A reader's report: {@code open} until a moderator decides on the comment. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReportEntry(String reason, String reportedAt, boolean open) {}
}
