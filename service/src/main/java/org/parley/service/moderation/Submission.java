package org.parley.service.moderation;

import java.util.List;

/**
 * A checked comment to store ({@link Checks#submission}); ids are the site's as stored (thread comments already prefixed).
 *
 * @param alsoQuotes the further comments it quotes besides its parent (a thread's {@code alsoQuotes}); empty when none
 */
public record Submission(String id, String articleId, String articleTitle, String text, Integer number,
                         String parentId, Integer parentNumber, String author, String quote,
                         Integer ratingUp, Integer ratingDown, List<String> targets, String parentAuthor,
                         List<AlsoQuoted> alsoQuotes) {
    public Submission {
        alsoQuotes = alsoQuotes == null ? List.of() : List.copyOf(alsoQuotes);
    }

    /** A submission that quotes no comment besides its parent. */
    public Submission(String id, String articleId, String articleTitle, String text, Integer number,
                      String parentId, Integer parentNumber, String author, String quote,
                      Integer ratingUp, Integer ratingDown, List<String> targets, String parentAuthor) {
        this(id, articleId, articleTitle, text, number, parentId, parentNumber, author, quote, ratingUp, ratingDown, targets,
                parentAuthor, List.of());
    }
}
