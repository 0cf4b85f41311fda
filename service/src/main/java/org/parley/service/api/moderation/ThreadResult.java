package org.parley.service.api.moderation;

import java.util.List;
import java.util.Map;

/** Answer to POST /v1/threads: each comment as stored, in thread order, and how many went where. */
public record ThreadResult(String threadId, String articleId, Map<String, Integer> statuses, List<CommentView> comments) {}
