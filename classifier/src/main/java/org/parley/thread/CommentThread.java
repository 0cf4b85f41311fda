package org.parley.thread;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An article and its comments in page order (the order the reader saw them; BBC pages list the
 * newest first). Named so as not to clash with {@link java.lang.Thread}.
 *
 * <p>Comment ids and numbers are unique, and a {@code parentId} always names a comment of this
 * thread: a reply to a comment that is not here (on another page) keeps only {@code parentNumber}.
 *
 * @param id       unique among the threads a caller handles (file name, the site's thread id…)
 * @param article  the article the comments are under
 * @param comments in page order; may be empty
 */
public record CommentThread(String id, Article article, List<Comment> comments) {
    public CommentThread {
        Limits.required("id", id, Limits.ID_CHARS);
        if (article == null) throw new InvalidThreadException("article", "missing");
        if (comments == null) throw new InvalidThreadException("comments", "missing");
        if (comments.size() > Limits.COMMENTS_PER_THREAD) {
            throw new InvalidThreadException("comments", "too many: " + comments.size() + ", at most " + Limits.COMMENTS_PER_THREAD);
        }
        comments = List.copyOf(checkedReferences(comments));
    }

    /** Null when no comment has that id. */
    public Comment comment(String commentId) {
        for (Comment c : comments) if (c.id().equals(commentId)) return c;
        return null;
    }

    private static List<Comment> checkedReferences(List<Comment> comments) {
        Map<String, Integer> indexById = new HashMap<>();
        Map<Integer, Integer> indexByNumber = new HashMap<>();
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            if (c == null) throw new InvalidThreadException(path(i), "must be a comment, was null");
            Integer seen = indexById.putIfAbsent(c.id(), i);
            if (seen != null) throw new InvalidThreadException(path(i) + ".id", "\"" + c.id() + "\" is already used by " + path(seen));
            if (c.number() != null) {
                seen = indexByNumber.putIfAbsent(c.number(), i);
                if (seen != null) throw new InvalidThreadException(path(i) + ".number", c.number() + " is already used by " + path(seen));
            }
        }
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            if (c.number() != null && c.number().equals(c.parentNumber()))
                throw new InvalidThreadException(path(i) + ".parentNumber", "a comment cannot answer itself (" + c.parentNumber() + " is its own number)");
            if (c.parentId() == null) continue;
            Integer parent = indexById.get(c.parentId());
            if (parent == null) {
                throw new InvalidThreadException(path(i) + ".parentId",
                        "unknown parent reference \"" + c.parentId() + "\": no comment in this thread has that id"
                                + " (a parent on another page is given by parentNumber alone)");
            }
            Integer parentNumber = comments.get(parent).number();
            if (c.parentNumber() != null && !c.parentNumber().equals(parentNumber)) {
                throw new InvalidThreadException(path(i) + ".parentNumber",
                        c.parentNumber() + " disagrees with parentId \"" + c.parentId() + "\", which "
                                + (parentNumber == null ? "has no number" : "is comment number " + parentNumber));
            }
        }
        for (int i = 0; i < comments.size(); i++) checkAlsoQuotes(comments, i, indexById);
        rejectCycles(comments, indexById, indexByNumber);
        return comments;
    }

    /**
     * Each further comment that comment {@code i} quotes is named as a parent is: an id of another comment of this thread,
     * a number that may lie on another page, both agreeing where both are given. Quoted, so earlier: a number below the
     * comment's own where it has one. Not parents, so out of the cycle rule.
     */
    private static void checkAlsoQuotes(List<Comment> comments, int i, Map<String, Integer> indexById) {
        Comment c = comments.get(i);
        for (int j = 0; j < c.alsoQuotes().size(); j++) {
            QuotedComment q = c.alsoQuotes().get(j);
            String at = path(i) + ".alsoQuotes[" + j + "]";
            Integer number = q.number();
            if (q.id() != null) {
                if (q.id().equals(c.id())) throw new InvalidThreadException(at + ".id", "a comment cannot quote itself (\"" + q.id() + "\")");
                Integer quoted = indexById.get(q.id());
                if (quoted == null) {
                    throw new InvalidThreadException(at + ".id", "unknown comment \"" + q.id() + "\": no comment in this thread has"
                            + " that id (a comment on another page is given by number alone)");
                }
                Integer itsNumber = comments.get(quoted).number();
                if (number != null && !number.equals(itsNumber)) {
                    throw new InvalidThreadException(at + ".number", number + " disagrees with id \"" + q.id() + "\", which "
                            + (itsNumber == null ? "has no number" : "is comment number " + itsNumber));
                }
                number = itsNumber;
            }
            if (number != null && c.number() != null && number >= c.number()) {
                throw new InvalidThreadException(at + (q.number() != null ? ".number" : ".id"), "must name an earlier comment: "
                        + number + (number.equals(c.number()) ? " is its own number" : " is after its own number " + c.number()));
            }
        }
    }

    /**
     * Following parents from any comment must end; a loop would send reply-chain walkers round forever.
     * A parent is {@code parentId}, else the comment of this thread that {@code parentNumber} names: the
     * reply stance reads it so, and POST /v1/threads stores it as the parent's id, so comments 1 and 2
     * naming each other by number were stored as a loop.
     */
    private static void rejectCycles(List<Comment> comments, Map<String, Integer> indexById, Map<Integer, Integer> indexByNumber) {
        Set<Integer> known = new HashSet<>(); // comments whose chain is known to end
        for (int start = 0; start < comments.size(); start++) {
            Set<Integer> chain = new HashSet<>();
            Integer i = start;
            while (i != null && !known.contains(i)) {
                if (!chain.add(i)) {
                    String field = comments.get(start).parentId() != null ? ".parentId" : ".parentNumber";
                    throw new InvalidThreadException(path(start) + field, "parent references form a cycle through " + path(i));
                }
                Comment c = comments.get(i);
                i = c.parentId() != null ? indexById.get(c.parentId()) : c.parentNumber() == null ? null : indexByNumber.get(c.parentNumber());
            }
            known.addAll(chain);
        }
    }

    private static String path(int index) {
        return "comments[" + index + "]";
    }
}
