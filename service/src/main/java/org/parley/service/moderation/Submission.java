package org.parley.service.moderation;

import java.util.List;

/** A checked comment to store ({@link Checks#submission}); ids are the site's as stored (thread comments already prefixed). */
public record Submission(String id, String articleId, String articleTitle, String text, Integer number,
                         String parentId, Integer parentNumber, String author, String quote,
                         Integer ratingUp, Integer ratingDown, List<String> targets, String parentAuthor) {}
