package org.parley.stance;

import java.util.Optional;
import org.parley.thread.Comment;
import org.parley.thread.CommentThread;

/**
 * The parent text a reply's stance is read against. On BBC-style pages a reply names its parent
 * by quoting it ("296.Seqenenre wrote: …"): when that comment is in the thread its whole text is
 * the parent; when it is on another page, the quoted passage is all we have of it.
 */
public final class ReplyContext {
    private ReplyContext() {}

    public static Optional<String> parentText(CommentThread thread, Comment reply) {
        if (reply.parentId() != null) {
            Comment parent = thread.comment(reply.parentId());
            if (parent != null) return Optional.of(parent.text());
        }
        return Optional.ofNullable(reply.quote()).filter(q -> !q.isBlank());
    }
}
