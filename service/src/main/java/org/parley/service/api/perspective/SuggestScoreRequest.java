package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/**
 * SuggestCommentScore request: the scores a client believes are right, kept as feedback for retraining.
 * {@code doNotStore} is read only to refuse it: a suggestion is stored, which is its purpose.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SuggestScoreRequest(AnalyzeRequest.TextEntry comment, Map<String, SuggestedScore> attributeScores,
                                  List<String> languages, String communityId, String clientToken, Boolean doNotStore) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SuggestedScore(Value summaryScore) {}

    /** As sent, in double precision: 0.9 is stored as 0.9 (the analyze response's float would keep 0.8999999761). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Value(double value, String type) {}
}
