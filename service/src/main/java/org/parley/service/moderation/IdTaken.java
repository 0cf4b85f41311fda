package org.parley.service.moderation;

/**
 * A submission whose id its site already stored with another text or article: not a retry but a clash,
 * refused without showing the stored comment. Ids are each site's own, so another site's never clashes.
 */
public final class IdTaken extends RuntimeException {
    private final int index;

    public IdTaken(int index, String id) {
        super("id '" + id + "' is already used by another of this site's comments (other text or article); ids must be"
                + " unique within a site", null, false, false);
        this.index = index;
    }

    /** Which submission of the call clashed. */
    public int index() {
        return index;
    }
}
