package org.parley.service.moderation;

/**
 * Who set a comment's status: the policy's score bands at ingestion, or a person; or who erased it: its site
 * (DELETE /v1/comments/{id}) or an operator (scripts/erase).
 */
public enum Decider {
    RULE, MODERATOR, WEBSITE, OPERATOR
}
