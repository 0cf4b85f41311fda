package org.parley.thread;

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
        Rating rating) {

    public Comment {
        Limits.required("id", id, Limits.ID_CHARS);
        Limits.positive("number", number);
        Limits.optional("author", author, Limits.NAME_CHARS);
        Limits.required("text", text, Limits.COMMENT_CHARS);
        Limits.optional("parentId", parentId, Limits.ID_CHARS);
        Limits.positive("parentNumber", parentNumber);
        Limits.optional("parentAuthor", parentAuthor, Limits.NAME_CHARS);
        Limits.optional("quote", quote, Limits.COMMENT_CHARS);
        if (id.equals(parentId)) throw new InvalidThreadException("parentId", "a comment cannot answer itself (\"" + id + "\")");
    }

    /** A comment that quotes or answers nothing. */
    public static Comment of(String id, String text) {
        return new Comment(id, null, null, text, null, null, null, null, null);
    }

    public Comment withParentId(String newParentId) {
        return new Comment(id, number, author, text, newParentId, parentNumber, parentAuthor, quote, rating);
    }
}
