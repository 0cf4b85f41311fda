package org.parley.service.moderation;

/**
 * A submission whose id is already stored with another text or article: not a retry but a
 * clash, refused without showing the stored comment (its text belongs to whoever sent it).
 */
public final class IdTaken extends RuntimeException {
    private final int index;

    public IdTaken(int index, String id) {
        super("id '" + id + "' is already used by another comment (other text or article); ids must be unique", null, false, false);
        this.index = index;
    }

    /** Which submission of the call clashed. */
    public int index() {
        return index;
    }
}
