package org.parley.thread;

import java.util.List;

/**
 * One reader comment. Only {@code id} and {@code text} are always known; the rest depends on what
 * the source page shows.
 *
 * @param id           unique within its thread; parsers of numbered pages use "c" + number
 * @param number       the number the site shows ("Comment number 365"), or null where comments are not numbered
 * @param author       who wrote this comment, or null when the page does not say
 * @param text         the commenter's own words, without any quoted passage
 * @param parentId     id of the comment this one quotes or answers, when that comment is in the same thread
 * @param parentNumber number of the comment this one quotes or answers; it may lie on another page of the thread
 * @param parentAuthor author of that comment as this one names it ("296.Seqenenre wrote:")
 * @param quote        the passage of the parent this comment quotes, or null if it quotes nothing
 * @param rating       reader votes, or null when the page gives no counts
 * @param alsoQuotes   the further comments it quotes besides its parent, in the order quoted; empty when none
 */
public record Comment(
        String id,
        Integer number,
        String author,
        String text,
        String parentId,
        Integer parentNumber,
        String parentAuthor,
        String quote,
        Rating rating,
        List<QuotedComment> alsoQuotes) {

    public Comment {
        Limits.required("id", id, Limits.ID_CHARS);
        Limits.positive("number", number);
        Limits.optional("author", author, Limits.NAME_CHARS);
        Limits.required("text", text, Limits.COMMENT_CHARS);
        Limits.optional("parentId", parentId, Limits.ID_CHARS);
        Limits.positive("parentNumber", parentNumber);
        Limits.optional("parentAuthor", parentAuthor, Limits.NAME_CHARS);
        Limits.optional("quote", quote, Limits.COMMENT_CHARS);
        alsoQuotes = alsoQuotes(alsoQuotes);
        if (id.equals(parentId)) throw new InvalidThreadException("parentId", "a comment cannot answer itself (\"" + id + "\")");
    }

    /** A comment that quotes no comment besides its parent. */
    public Comment(String id, Integer number, String author, String text, String parentId, Integer parentNumber,
                   String parentAuthor, String quote, Rating rating) {
        this(id, number, author, text, parentId, parentNumber, parentAuthor, quote, rating, List.of());
    }

    /** A comment that quotes or answers nothing. */
    public static Comment of(String id, String text) {
        return new Comment(id, null, null, text, null, null, null, null, null);
    }

    public Comment withParentId(String newParentId) {
        return new Comment(id, number, author, text, newParentId, parentNumber, parentAuthor, quote, rating, alsoQuotes);
    }

    public Comment withAlsoQuotes(List<QuotedComment> newAlsoQuotes) {
        return new Comment(id, number, author, text, parentId, parentNumber, parentAuthor, quote, rating, newAlsoQuotes);
    }

    /** Null is none; each entry a comment (QuotedComment checks its own fields), at most {@link Limits#ALSO_QUOTES} of them. */
    private static List<QuotedComment> alsoQuotes(List<QuotedComment> list) {
        if (list == null) return List.of();
        if (list.size() > Limits.ALSO_QUOTES)
            throw new InvalidThreadException("alsoQuotes", "too many: " + list.size() + ", at most " + Limits.ALSO_QUOTES);
        for (int i = 0; i < list.size(); i++)
            if (list.get(i) == null) throw new InvalidThreadException("alsoQuotes[" + i + "]", "must be a quoted comment, was null");
        return List.copyOf(list);
    }
}
