package org.parley.stance;

import java.util.Optional;
import java.util.function.Supplier;
import org.parley.thread.Comment;
import org.parley.thread.CommentThread;
import org.parley.text.BlankText;

/**
 * The parent text a reply's stance is read against. On BBC-style pages a reply names its parent
 * by quoting it ("296.Seqenenre wrote: …"): the quoted passage is what the reply answers, so it
 * comes first. A reply that quotes nothing but names a comment of this thread ({@code parentId},
 * or {@code parentNumber} when that comment is on this page) is read against that comment's text.
 */
public final class ReplyContext {
    private ReplyContext() {}

    /**
     * @param text      what the reply is read against
     * @param commentId the id of the parent comment whose text this is; null when it is the reply's quote
     */
    public record Parent(String text, String commentId) {
        public boolean isQuote() {
            return commentId == null;
        }
    }

    public static Optional<String> parentText(CommentThread thread, Comment reply) {
        return parent(thread, reply).map(Parent::text);
    }

    /** Empty when the reply quotes nothing and its parent, if any, is not in this thread. */
    public static Optional<Parent> parent(CommentThread thread, Comment reply) {
        return parent(reply.quote(), () -> parentComment(thread, reply).map(parent -> new Parent(parent.text(), parent.id())));
    }

    /**
     * The rule for comments kept anywhere (a thread, a store): the quote when there is one, else
     * the parent comment that {@code parentComment} finds, looked up only then. A quote with nothing
     * visible in it (a zero-width space) is no quote: there is nothing to answer.
     */
    public static Optional<Parent> parent(String quote, Supplier<Optional<Parent>> parentComment) {
        if (quote != null && !BlankText.is(quote)) return Optional.of(new Parent(quote, null));
        return parentComment.get();
    }

    /** The comment of this thread the reply answers: by {@code parentId}, else by {@code parentNumber}. */
    public static Optional<Comment> parentComment(CommentThread thread, Comment reply) {
        return Optional.ofNullable(reply.parentId() != null ? thread.comment(reply.parentId()) : byNumber(thread, reply.parentNumber()));
    }

    private static Comment byNumber(CommentThread thread, Integer number) {
        if (number == null) return null;
        for (Comment c : thread.comments()) if (number.equals(c.number())) return c;
        return null;
    }
}
