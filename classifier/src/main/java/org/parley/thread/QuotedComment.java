package org.parley.thread;

/**
 * A further comment that a comment quotes, besides its parent (the first it quotes, whose passage is {@code quote}): a
 * second quoted passage ("320.Dana Smith wrote:" further down a BBC comment), or a quoted quote's inner passage
 * ("296.Seqenenre wrote:" inside the quote of "365.Frank wrote:"). Named by id or number as a parent is; it is no parent,
 * so it forms no reply chain and is out of the cycle rule.
 *
 * @param id     id of the quoted comment, when it is in the same thread
 * @param number its number; it may lie on another page of the thread
 * @param author its author as the quoting comment names it
 * @param text   the passage of it that the comment quotes, or null when not given
 */
public record QuotedComment(String id, Integer number, String author, String text) {
    public QuotedComment {
        Limits.optional("id", id, Limits.ID_CHARS);
        Limits.positive("number", number);
        Limits.optional("author", author, Limits.NAME_CHARS);
        Limits.optional("text", text, Limits.COMMENT_CHARS);
        if (id == null && number == null) throw new InvalidThreadException("", "names no comment: give its number or id");
    }
}
