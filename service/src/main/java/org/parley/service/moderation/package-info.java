/**
 * The moderation queue: comments scored and routed by the policy (a rule decision), then reviewed
 * by moderators (human decisions), every decision appended to the comment's history.
 * Data flows scores → policy → {@link org.parley.service.moderation.Status} → queue → decision.
 */
package org.parley.service.moderation;
