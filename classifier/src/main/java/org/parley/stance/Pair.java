package org.parley.stance;

/** A training or dev example of a pair model: the comment, its target or parent, the class index. */
record Pair(String text, String context, int label) {}
