package org.parley.label;

/**
 * Where a comment stands on a target phrase, as in SemEval-2016 Task 6. The order is the order of
 * the stance model's outputs.
 */
public enum Stance {
    FAVOR, AGAINST, NONE;

    public static final int COUNT = values().length;
}
