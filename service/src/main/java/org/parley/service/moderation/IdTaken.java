package org.parley.service.moderation;

/**
 * A submission whose id its site already stored with another text or article: not a retry but a clash,
 * refused without showing the stored comment. Ids are each site's own, so another site's never clashes.
 */
public final class IdTaken extends RuntimeException {
    private final int index;

    public IdTaken(int index, String id) {
        this(index, id, false);
    }

    /**
     * @param erased the stored comment is one the site withdrew: its text is gone, so no text matches it, and the message
     *               says so (a thread sent again with new targets and the withdrawn comment in it was told "other text")
     */
    public IdTaken(int index, String id, boolean erased) {
        super(erased ? "id '" + id + "' names a comment this site withdrew (erased, DELETE /v1/comments/{id}): its id stays"
                + " taken and it is not stored again (leave it out of a thread sent again)"
                : "id '" + id + "' is already used by another of this site's comments (other text or article); ids must be"
                + " unique within a site", null, false, false);
        this.index = index;
    }

    private IdTaken(String message, int index) {
        super(message, null, false, false);
        this.index = index;
    }

    /**
     * A submission whose key (store.CommentStore#key) a comment stored by an older release holds as its id: one of no site,
     * or one sent before ids were checked for '/'. No comment of this site's has the id, yet it cannot be stored under it.
     */
    public static IdTaken byAnOldComment(int index, String id) {
        return new IdTaken("id '" + id + "' cannot be stored: a comment stored by an older release of this service"
                + " holds the key this site's comment of that id would take; nothing of the call was stored (send the comment"
                + " under another id, or ask the operator)", index);
    }

    /** Which submission of the call clashed. */
    public int index() {
        return index;
    }
}
