/**
 * The moderation queue: comments scored and routed by the policy (a rule decision), then reviewed
 * by moderators (human decisions), every decision appended to the comment's history.
 * Data flows scores → policy → {@link org.parley.service.moderation.Status} → queue → decision.
 * It sits below the request's caller ({@code auth}) and the intake that stores its records: what it needs of a
 * caller, a role or a site, it is handed as {@code access}'s types or a string (PackageCyclesTest).
 */
package org.parley.service.moderation;
