package org.parley.service.core;

import org.parley.label.Attribute;
import org.parley.service.api.ScoreRequest;
import com.fasterxml.jackson.databind.JsonNode;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.UnstorableCharacters;
import org.parley.thread.CommentThread;
import org.parley.thread.InvalidThreadException;
import org.parley.thread.QuotedComment;
import org.parley.thread.ThreadJson;
import org.parley.stance.StanceLimits;
import org.parley.text.BlankText;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The limits of a scoring request; each failure names the field and the limit. */
public final class RequestChecks {
    /** Longest comment, in UTF-16 chars (as Perspective). */
    public static final int MAX_TEXT = org.parley.score.Scorer.MAX_TEXT;
    public static final int MAX_ID = 200;
    public static final int MAX_TITLE = 1_000;
    /**
     * Comments of one request that may ask for SENTIMENT: its parse takes up to about a second a
     * comment ({@code SentimentAnalyzer}'s budget), one at a time ({@link SentimentHolder}).
     */
    public static final int MAX_SENTIMENT_COMMENTS = 20;
    /** Perspective's clientToken, echoed back: bounded so that an answer stays small. */
    public static final int MAX_CLIENT_TOKEN = 1_000;
    /** The optional attribute that adds CoreNLP's sentiment; not a toxicity attribute, so not in {@link Attribute}. */
    public static final String SENTIMENT = "SENTIMENT";
    private static final List<String> KNOWN = Arrays.stream(Attribute.values()).map(Enum::name).toList();
    /** What /v1's attributes may name. */
    private static final List<String> KNOWN_WITH_SENTIMENT =
            java.util.stream.Stream.concat(KNOWN.stream(), java.util.stream.Stream.of(SENTIMENT)).toList();

    private RequestChecks() {}

    /** @throws ApiException for a missing, empty or over-long text */
    public static String text(String text, String field) {
        if (text == null) throw ApiException.badField(field, field + " is required");
        if (BlankText.is(text)) throw new ApiException(400, field, 1, field + " must not be empty");
        if (text.length() > MAX_TEXT)
            throw new ApiException(400, field, MAX_TEXT, field + " is longer than " + MAX_TEXT + " characters (was " + text.length() + ")");
        return text;
    }

    /**
     * What a /v1 request's {@code attributes} ask for.
     *
     * @param attributes the toxicity attributes to return: those named, or all six when none is
     * @param sentiment  whether {@link #SENTIMENT} is named
     */
    public record Requested(Set<Attribute> attributes, boolean sentiment) {}

    /** Checks a /v1 request and returns what to answer. */
    public static Requested check(ScoreRequest r, String prefix) {
        if (r == null) throw ApiException.badField(prefix.isEmpty() ? "body" : prefix, "expected a JSON object with comment.text");
        if (r.comment() == null) throw ApiException.badField(prefix + "comment", prefix + "comment is required");
        text(r.comment().text(), prefix + "comment.text");
        optional(r.id(), prefix + "id", MAX_ID);
        if (r.context() != null) context(r.context(), prefix + "context.");
        if (r.targets() != null) targets(r.targets(), prefix + "targets");
        return requested(r.attributes(), prefix + "attributes");
    }

    /**
     * Null or empty means all six. SENTIMENT adds sentiment and leaves the toxicity attributes as
     * they would be without it: every answer rates the comment, so it has at least one to rate.
     */
    public static Requested requested(List<String> names, String field) {
        if (names == null || names.isEmpty()) return new Requested(EnumSet.allOf(Attribute.class), false);
        Set<Attribute> out = EnumSet.noneOf(Attribute.class);
        boolean sentiment = false;
        for (int i = 0; i < names.size(); i++) {
            String item = field + "[" + i + "]";
            if (SENTIMENT.equals(names.get(i))) sentiment = true;
            else out.add(attribute(names.get(i), item, KNOWN_WITH_SENTIMENT));
        }
        return new Requested(out.isEmpty() ? EnumSet.allOf(Attribute.class) : out, sentiment);
    }

    /** A value that must be there, not blank ({@link BlankText}: a zero-width space alone is blank), and at most {@code max} chars. */
    public static String required(String value, String field, int max) {
        if (value == null || BlankText.is(value)) throw ApiException.badField(field, field + " is required and must not be blank");
        return optional(value, field, max);
    }

    /** A value that may be left out but, when given, is not blank ({@link BlankText}) and at most {@code max} chars. */
    public static void nonBlank(String value, String field, int max) {
        if (value != null && BlankText.is(value)) throw ApiException.badField(field, field + " must not be blank (or leave it out)");
        optional(value, field, max);
    }

    /**
     * A value that may be left out, read as left out when blank ({@link BlankText}), as proto3 JSON reads an empty string
     * and as a web form sends a field nobody filled in; else at most {@code max} chars.
     */
    public static String blankAsAbsent(String value, String field, int max) {
        return value == null || BlankText.is(value) ? null : optional(value, field, max);
    }

    /** A value that may be left out, at most {@code max} chars and storable (no U+0000 and the like) when given. */
    public static String optional(String value, String field, int max) {
        if (value != null && value.length() > max)
            throw new ApiException(400, field, max, field + " is longer than " + max + " characters (was " + value.length() + ")");
        UnstorableCharacters.check(value, field);  // query parameters: JSON strings are refused as they are read
        return value;
    }

    /** A toxicity attribute by name (the Perspective endpoints, which have no SENTIMENT). */
    public static Attribute attribute(String name, String field) {
        return attribute(name, field, KNOWN);
    }

    private static Attribute attribute(String name, String field, List<String> known) {
        if (name != null) {
            for (Attribute a : Attribute.values()) if (a.name().equals(name)) return a;
        }
        throw ApiException.badField(field, "unknown attribute '" + ApiException.shown(name) + "' in " + field + "; known: " + known);
    }

    public static List<String> known() {
        return KNOWN;
    }

    /**
     * Present targets: 1 to {@link StanceLimits#MAX_TARGETS}, each non-blank, at most {@link StanceLimits#MAX_TARGET_CHARS}
     * chars, and none a repeat of another, by the rules scripts/score keeps too ({@link StanceLimits#problem}), worded
     * here for the API ({@code targets[1]}, counted from 0), and storable.
     */
    public static void targets(List<String> targets, String field) {
        targets(targets, field, "leave it out for no stance");
    }

    /** @param absent what leaving the field out does, for the message on an empty list */
    public static void targets(List<String> targets, String field, String absent) {
        StanceLimits.Problem p = StanceLimits.problem(targets);
        if (p != null) {
            String item = field + "[" + p.item() + "]";
            throw switch (p.kind()) {
                case NONE -> new ApiException(400, field, 1, field + " must not be empty (" + absent + ")");
                case TOO_MANY -> new ApiException(400, field, StanceLimits.MAX_TARGETS,
                        field + " holds at most " + StanceLimits.MAX_TARGETS + " targets (was " + p.found() + ")");
                case EMPTY -> new ApiException(400, item, 1, item + " must not be empty");
                case CONTROL -> ApiException.badField(item, item + " holds the control character "
                        + StanceLimits.codePoint(p.found()) + "; " + StanceLimits.CONTROL_RULE);
                case TOO_LONG -> new ApiException(400, item, StanceLimits.MAX_TARGET_CHARS,
                        item + " is longer than " + StanceLimits.MAX_TARGET_CHARS + " characters (was " + p.found() + ")");
                case REPEAT -> ApiException.badField(item, item + " repeats " + field + "[" + p.found() + "] (targets are compared "
                        + StanceLimits.SAMENESS.replace("the model", "the stance model") + ")");
            };
        }
        // JSON strings are refused as they are read; query parameters (/v1/threads?target=) are not.
        for (int i = 0; i < targets.size(); i++) UnstorableCharacters.check(targets.get(i), field + "[" + i + "]");
    }

    private static void context(ScoreRequest.Context c, String prefix) {
        optional(c.articleTitle(), prefix + "articleTitle", MAX_TITLE);
        optional(c.parentText(), prefix + "parentText", MAX_TEXT);
        if (c.commentNumber() != null && c.commentNumber() < 0) throw new ApiException(400, prefix + "commentNumber", 0, prefix + "commentNumber must be >= 0");
        if (c.rating() != null) {
            if (c.rating().up() != null && c.rating().up() < 0) throw new ApiException(400, prefix + "rating.up", 0, prefix + "rating.up must be >= 0");
            if (c.rating().down() != null && c.rating().down() < 0) throw new ApiException(400, prefix + "rating.down", 0, prefix + "rating.down must be >= 0");
        }
    }

    /**
     * A thread in the JSON thread format, read as {@code ThreadJson} reads it: more than
     * {@code maxComments} comments is a 413 before any is read; a format error is a 400 naming the
     * field under {@code prefix} ({@code "thread."} or ""), or {@code whole} for the whole document.
     */
    public static CommentThread thread(JsonNode node, String prefix, String whole, int maxComments) {
        JsonNode comments = node.get("comments");
        if (comments != null && comments.isArray() && comments.size() > maxComments)
            throw new ApiException(413, prefix + "comments", maxComments,
                    prefix + "comments holds at most " + maxComments + " comments (was " + comments.size() + ")");
        UnstorableCharacters.check(node, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        CommentThread thread;
        try {
            thread = ThreadJson.fromTree(node);
        } catch (InvalidThreadException e) {
            String field = e.field().isEmpty() ? whole : prefix + e.field();
            // The format quotes a mistyped string ("got a string \"…\""); it may be comment text, which no response repeats.
            String problem = e.problem().replaceFirst("(?s)(got a string) \".*\"$", "$1");
            throw ApiException.badField(field, field + ": " + problem);
        }
        // A further quoted passage is stored as a quote is (/v1/threads): at most what /v1/score takes.
        for (int i = 0; i < thread.comments().size(); i++) {
            List<QuotedComment> quoted = thread.comments().get(i).alsoQuotes();
            for (int j = 0; j < quoted.size(); j++) {
                String text = quoted.get(j).text();
                if (text != null && text.length() > MAX_TEXT) {
                    String field = prefix + "comments[" + i + "].alsoQuotes[" + j + "].text";
                    throw new ApiException(400, field, MAX_TEXT, field + " is longer than " + MAX_TEXT + " characters");
                }
            }
        }
        return thread;
    }
}
