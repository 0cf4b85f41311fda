package org.parley.service.api.moderation;

/**
 * Body of POST /v1/comments/{id}/report: a reader flags a published comment (reason optional).
 *
 * @param reportId optional, the site's id for this report: sent again for the same comment (a retry), it counts once
 */
public record ReportRequest(String reason, String reportId) {}
