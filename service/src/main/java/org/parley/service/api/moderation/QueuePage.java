package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One page of a queue; {@code total} is the whole queue's size. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuePage(String queue, String articleId, int total, int offset, int limit, List<CommentView> comments) {}
