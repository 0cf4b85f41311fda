package org.parley.service.api;

import java.util.List;

/**
 * Body of POST /v1/score, and one item of a batch.
 *
 * @param attributes which attributes to return (default: all six)
 * @param doNotStore when true the text is not written anywhere, logs included
 * @param context    the thread around the comment; {@code parentText} asks for the reply stance
 * @param spans      whether to explain the top attribute with word spans (default true)
 * @param targets    phrases to give the comment's stance on (optional; {@link org.parley.stance.StanceLimits})
 */
public record ScoreRequest(Comment comment, String id, List<String> attributes, Boolean doNotStore,
                           Context context, Boolean spans, List<String> targets) {
    public record Comment(String text) {}

    public record Context(String articleTitle, String parentText, Long commentNumber, Rating rating) {}

    public record Rating(Long up, Long down) {}

    public boolean wantsSpans() {
        return spans == null || spans;
    }

    /** The parent text to give the reply stance toward, or null (absent or blank, zero-width characters too: no reply stance). */
    public String parent() {
        return context == null || context.parentText() == null || org.parley.text.BlankText.is(context.parentText())
                ? null : context.parentText();
    }
}
