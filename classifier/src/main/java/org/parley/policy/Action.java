package org.parley.policy;

/** What the policy recommends for a comment. */
public enum Action {
    PUBLISH,
    REVIEW,
    REJECT
}
