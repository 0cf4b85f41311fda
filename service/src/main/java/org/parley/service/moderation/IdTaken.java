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

    /** Which submission of the call clashed. */
    public int index() {
        return index;
    }
}
