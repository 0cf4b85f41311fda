package org.parley.service.api.moderation;

import java.util.List;

/** Body of POST /v1/decisions: one decision for several comments, each at the version the moderator saw. */
public record BulkDecisionRequest(String decision, String reason, String note, List<Target> comments) {
    public record Target(String id, Integer expectedVersion) {}
}
