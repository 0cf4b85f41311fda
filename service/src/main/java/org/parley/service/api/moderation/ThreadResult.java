package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.parley.service.api.ThreadSummary;

import java.util.List;
import java.util.Map;

/**
 * Answer to POST /v1/threads: each comment as stored, in thread order, and how many went where.
 *
 * @param targets the {@code ?target=} phrases, told apart by whether this call read them; absent without any
 * @param summary per target, how many comments are FAVOR / AGAINST / NONE, and per action, as /v1/score/thread's
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThreadResult(String threadId, String articleId, Map<String, Integer> statuses, List<CommentView> comments,
                           Targets targets, ThreadSummary summary) {

    /**
     * @param read   read in this call for some comment (a new comment, or a stored one that held no stance on it)
     * @param stored read for none: every comment held stance on it already
     */
    public record Targets(@JsonProperty("new") List<String> read, List<String> stored) {}
}
