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
 * @param alsoQuotes the further comments it quotes besides its parent (optional; docs/thread-format.md's alsoQuotes)
 */
public record CommentSubmission(String id, String articleId, String articleTitle, String text, Integer number,
                                String parentId, Integer parentNumber, String author, String quote, Votes rating,
                                List<String> targets, String parentAuthor, List<Quoted> alsoQuotes) {
    public record Votes(Integer up, Integer down) {}

    /** A further comment it quotes besides its parent, as in the thread format's alsoQuotes: by the site's id or number. */
    public record Quoted(String id, Integer number, String author, String text) {}
}
