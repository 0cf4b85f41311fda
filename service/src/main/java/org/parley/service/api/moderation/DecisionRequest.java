package org.parley.service.api.moderation;

/**
 * Body of POST /v1/comments/{id}/decision.
 *
 * @param decision        APPROVE, REJECT, ESCALATE or REOPEN (back to PENDING: undoes a decision)
 * @param reason          a reason code (required to REJECT): insult, threat, identity_attack, …
 * @param expectedVersion the version the moderator saw; a stale one is a 409 with the current state
 * @param note            free text for the audit trail (optional)
 */
public record DecisionRequest(String decision, String reason, Integer expectedVersion, String note) {}
