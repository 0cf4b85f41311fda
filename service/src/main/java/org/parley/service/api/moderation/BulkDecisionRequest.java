package org.parley.service.api.moderation;

import java.util.List;

/**
 * Body of POST /v1/decisions: one decision for several comments, each at the version the moderator saw.
 * A rejection's reason is the shared {@code reason} unless an item gives its own: each reason becomes
 * its comment's training label, so a bulk reject need not give every comment the same one.
 */
public record BulkDecisionRequest(String decision, String reason, String note, List<Target> comments) {
    /** @param site whose comment {@code id} is, where it names one of several of the moderator's sites (as {@code ?site=}) */
    public record Target(String id, String site, Integer expectedVersion, String reason) {}
}
