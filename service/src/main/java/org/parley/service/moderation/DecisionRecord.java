package org.parley.service.moderation;

import java.time.Instant;

/**
 * One row of a comment's history, as it was when made: the text moderated, the scores (JSON,
 * attribute → probability) and the model version at that moment.
 *
 * @param decision PUBLISH / REVIEW / REJECT for the policy, APPROVE / REJECT / ESCALATE / REOPEN for a person
 * @param commentId the comment's id on its site, as shown
 * @param commentSite the comment's site; null for one stored before sites were kept
 * @param version the comment version this decision produced
 */
public record DecisionRecord(
        long id, String commentId, String commentSite, int version, String decision, Status status, String reason, String note,
        String actor, Decider actorKind, String text, String scoresJson, String modelVersion, String modelChecksum,
        Instant decidedAt) {}
