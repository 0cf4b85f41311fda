package org.parley.thread;

/**
 * Reader votes on a comment, as the site counted them. A comment whose page shows no counts has
 * no Rating at all (null), which is not the same as {@code {0, 0}}.
 */
public record Rating(int up, int down) {
    public Rating {
        if (up < 0) throw new InvalidThreadException("up", "must not be negative, was " + up);
        if (down < 0) throw new InvalidThreadException("down", "must not be negative, was " + down);
    }
}
