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
 * @param doNotStore as on /v1/score: the thread's texts are written nowhere, which this endpoint keeps whatever it says
 *                   (until the thirty-ninth session it was an unknown field here, a 400)
 */
public record ThreadRequest(JsonNode thread, List<String> targets, List<String> attributes, Boolean spans, Boolean doNotStore) {
    public boolean wantsSpans() {
        return spans == null || spans;
    }
}
