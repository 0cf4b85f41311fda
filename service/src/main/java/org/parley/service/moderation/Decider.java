package org.parley.service.moderation;

/** Who set a comment's status: the policy's score bands at ingestion, or a person. */
public enum Decider {
    RULE, MODERATOR
}
