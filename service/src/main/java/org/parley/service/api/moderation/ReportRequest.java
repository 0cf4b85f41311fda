package org.parley.service.api.moderation;

/** Body of POST /v1/comments/{id}/report: a reader flags a published comment (reason optional). */
public record ReportRequest(String reason) {}
