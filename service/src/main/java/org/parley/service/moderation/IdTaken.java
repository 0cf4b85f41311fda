package org.parley.service.moderation;

/**
 * A submission whose id its site already stored with another text or article: not a retry but a clash,
 * refused without showing the stored comment. Ids are each site's own, so another site's never clashes.
 */
public final class IdTaken extends RuntimeException {
    private final int index;
    private final boolean article;

    public IdTaken(int index, String id) {
        this(index, id, false);
    }

    /**
     * @param erased the stored comment is one the site withdrew: its text is gone, so no text matches it, and the message
     *               says so (a thread sent again with new targets and the withdrawn comment in it was told "other text")
     */
    public IdTaken(int index, String id, boolean erased) {
        this(erased ? "id '" + id + "' names a comment this site withdrew (erased, DELETE /v1/comments/{id}): its id stays"
                + " taken and it is not stored again (leave it out of a thread sent again)"
                : "id '" + id + "' is already used by another of this site's comments (other text or article); ids must be"
                + " unique within a site", index, false);
    }

    private IdTaken(String message, int index, boolean article) {
        super(message, null, false, false);
        this.index = index;
        this.article = article;
    }

    /**
     * A submission whose key (store.CommentStore#key) a comment stored by an older release holds as its id: one of no site,
     * or one sent before ids were checked for '/'. No comment of this site's has the id, yet it cannot be stored under it.
     */
    public static IdTaken byAnOldComment(int index, String id) {
        return new IdTaken("id '" + id + "' cannot be stored: a comment stored by an older release of this service"
                + " holds the key this site's comment of that id would take; nothing of the call was stored (send the comment"
                + " under another id, or ask the operator)", index, false);
    }

    /** As {@link #byAnOldComment}, for the submission's article id: an older release's article holds its key. */
    public static IdTaken byAnOldArticle(int index, String articleId) {
        return new IdTaken("articleId '" + articleId + "' cannot be stored: an article stored by an older release of this"
                + " service holds the key this site's article of that id would take; nothing of the call was stored (send the"
                + " comment under another article id, or ask the operator)", index, true);
    }

    /** Whether the article id clashed ({@link #byAnOldArticle}), not the comment's id. */
    public boolean article() {
        return article;
    }

    /** Which submission of the call clashed. */
    public int index() {
        return index;
    }
}
