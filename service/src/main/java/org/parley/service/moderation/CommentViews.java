package org.parley.service.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.label.Attribute;
import org.parley.service.api.ScoreResponse;
import org.parley.service.core.ScoreParts;
import org.parley.service.api.moderation.CommentSubmission;
import org.parley.service.api.moderation.CommentView;
import org.parley.service.access.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stored comments and decisions as the API shows them. */
public final class CommentViews {
    private static final TypeReference<List<ScoreResponse.SpanScore>> SPANS = new TypeReference<>() {};
    private static final TypeReference<List<String>> RULES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Float>> SCORES = new TypeReference<>() {};
    private static final Set<Attribute> ALL = EnumSet.allOf(Attribute.class);
    private final ObjectMapper json;

    public CommentViews(ObjectMapper json) {
        this.json = json;
    }

    /** {@code view} with the further comments {@code quoted} names (CommentStore#alsoQuotes). */
    public static CommentView withAlsoQuotes(CommentView view, List<AlsoQuoted> quoted) {
        return view.withAlsoQuotes(quoted.stream().map(q -> new CommentView.Quoted(q.id(), q.number(), q.author(), q.passage())).toList());
    }

    public CommentView of(StoredComment c) {
        return of(c, null, null, null);
    }

    public CommentView of(StoredComment c, CommentView parent, List<DecisionRecord> history, Boolean duplicate) {
        return of(c, parent, history, null, duplicate);
    }

    /**
     * A comment as its sender sees it in a store's answer (POST /v1/comments, /v1/threads): {@code seniorOnly} is who
     * among a site's moderators may decide it, so a moderator or admin (key or session) sees it, for the tools a site's
     * moderators build, and a website key, which decides nothing, does not.
     *
     * @param callersRole the sender's role
     */
    public CommentView stored(StoredComment c, Boolean duplicate, Role callersRole) {
        return of(c, null, null, null, duplicate, callersRole.includes(Role.MODERATOR));
    }

    public CommentView of(StoredComment c, CommentView parent, List<DecisionRecord> history,
                          List<ReaderReport> reports, Boolean duplicate) {
        return of(c, parent, history, reports, duplicate, true);
    }

    private CommentView of(StoredComment c, CommentView parent, List<DecisionRecord> history,
                           List<ReaderReport> reports, Boolean duplicate, boolean moderationState) {
        JsonNode stance = c.stanceJson() == null ? null : read(c.stanceJson());
        CommentSubmission.Votes votes = c.ratingUp() == null && c.ratingDown() == null ? null
                : new CommentSubmission.Votes(c.ratingUp(), c.ratingDown());
        return new CommentView(c.id(), c.site(), c.articleId(), c.articleTitle(), c.number(), c.parentId(), c.parentNumber(),
                c.parentAuthor(),
                c.author(), c.text(), c.quote(), votes, c.status().name(), c.decidedBy().name(), c.version(),
                c.openReports(), ScoreParts.attributes(ALL, c.scores()), c.risk(),
                ScoreParts.rating(c.scores(), c.topAttribute()), c.action(), readRules(c.rulesJson()), c.language(),
                readSpans(c.spansJson()), stance == null ? null : stance.get("stance"),
                stance == null ? null : stance.get("replyStance"),
                new ScoreResponse.ModelInfo(c.model().name(), c.model().version(), c.model().checksum()),
                stance == null || !stance.has("stanceModel") ? null : modelInfo(stance.get("stanceModel")),
                c.createdAt().toString(), c.updatedAt().toString(), parent,
                history == null ? null : history.stream().map(this::entry).toList(),
                reports == null ? null : reports.stream().map(r -> new CommentView.ReportEntry(r.reason(),
                        r.reportedAt().toString(), r.open())).toList(), duplicate,
                moderationState && c.seniorOnly() ? Boolean.TRUE : null);
    }

    private ScoreResponse.ModelInfo modelInfo(JsonNode node) {
        try {
            return json.treeToValue(node, ScoreResponse.ModelInfo.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored stance model is not a model's name", e);
        }
    }

    private CommentView.HistoryEntry entry(DecisionRecord d) {
        try {
            return new CommentView.HistoryEntry(d.version(), d.decision(), d.status().name(), d.reason(), d.note(),
                    d.actor(), d.actorKind().name(), d.decidedAt().toString(), d.text(), json.readValue(d.scoresJson(), SCORES),
                    d.modelVersion(), d.modelChecksum());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scores are not JSON", e);
        }
    }

    private List<ScoreResponse.SpanScore> readSpans(String s) {
        try {
            return json.readValue(s, SPANS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored spans are not JSON", e);
        }
    }

    private List<String> readRules(String s) {
        if (s == null) return null;  // stored before rules were kept
        try {
            return json.readValue(s, RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored rules are not JSON", e);
        }
    }

    private JsonNode read(String s) {
        try {
            return json.readTree(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored stance is not JSON", e);
        }
    }
}
