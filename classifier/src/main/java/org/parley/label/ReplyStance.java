package org.parley.label;

/**
 * What a reply does to the post it answers (RumourEval's SDQC scheme). The order is the order of
 * the reply-stance model's outputs.
 */
public enum ReplyStance {
    SUPPORT, DENY, QUERY, COMMENT;

    public static final int COUNT = values().length;
}
