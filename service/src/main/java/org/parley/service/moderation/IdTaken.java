package org.parley.service.moderation;

/**
 * A submission whose id is already stored with another text or article, or by another site: not a
 * retry but a clash, refused without showing the stored comment (its text belongs to whoever sent it),
 * in the same words whichever it was, so the message does not say whose the id is.
 */
public final class IdTaken extends RuntimeException {
    private final int index;

    public IdTaken(int index, String id) {
        super("id '" + id + "' is already used by another comment (other text, article or site); ids must be unique"
                + " across the sites this service moderates", null, false, false);
        this.index = index;
    }

    /** Which submission of the call clashed. */
    public int index() {
        return index;
    }
}
