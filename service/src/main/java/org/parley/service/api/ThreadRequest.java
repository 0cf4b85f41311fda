package org.parley.service.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Body of POST /v1/score/thread.
 *
 * @param thread     one thread in the JSON thread format (docs/thread-format.md); read by
 *                   {@link org.parley.thread.ThreadJson}, so its errors name the field
 * @param targets    phrases to give every comment's stance on; absent: proposed from the article
 * @param attributes which attributes to return (default: all six)
 * @param spans      whether to explain each comment's top attribute with word spans (default true)
 */
public record ThreadRequest(JsonNode thread, List<String> targets, List<String> attributes, Boolean spans) {
    public boolean wantsSpans() {
        return spans == null || spans;
    }
}
