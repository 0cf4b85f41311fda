package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/** SuggestCommentScore request: the scores a client believes are right, kept as feedback for retraining. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SuggestScoreRequest(AnalyzeRequest.TextEntry comment, Map<String, SuggestedScore> attributeScores,
                                  List<String> languages, String communityId, String clientToken) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SuggestedScore(AnalyzeResponse.Score summaryScore) {}
}
