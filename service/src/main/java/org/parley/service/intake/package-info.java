/**
 * Comments from sites into the moderation queue ({@link org.parley.service.intake.Ingestion}): scored,
 * routed by the policy and stored, a call's comments in one transaction (and a reply stance another call's comment made
 * readable meanwhile in a second, after it). It sits above both the queue's
 * records ({@code moderation}) and their database ({@code store}), so that neither imports the other's user, and
 * below the requests' gate ({@code auth}): it takes the caller's site, not the caller.
 */
package org.parley.service.intake;
