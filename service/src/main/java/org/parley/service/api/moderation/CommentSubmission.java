package org.parley.service.api.moderation;

import java.util.List;

/**
 * Body of POST /v1/comments: a site's comment to score, store and route.
 *
 * @param id       the site's id for the comment; submitting it again returns the stored one
 * @param rating   reader votes, if the site has them
 * @param quote    the passage of the parent it quotes, if any (the reply stance reads it first)
 * @param parentAuthor the name of the parent's author as the comment gives it, if any
 * @param targets  phrases to store the comment's stance on (optional)
 */
public record CommentSubmission(String id, String articleId, String articleTitle, String text, Integer number,
                                String parentId, Integer parentNumber, String author, String quote, Votes rating,
                                List<String> targets, String parentAuthor) {
    public record Votes(Integer up, Integer down) {}
}
