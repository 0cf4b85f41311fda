package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.util.List;
import java.util.Map;

/**
 * SuggestCommentScore request: the scores a client believes are right, kept as feedback for retraining.
 * {@code doNotStore} is read only to refuse it: a suggestion is stored, which is its purpose. Fields answer to their
 * protobuf names too ({@link AnalyzeRequest}): {@code "do_not_store": true} was ignored, and the suggestion stored. As
 * there, the fields Perspective defines that Parley does not read (sessionId, context) are read for their type alone, a
 * score's spanScores ignored, and any other is a 400 naming it.
 */
public record SuggestScoreRequest(AnalyzeRequest.TextEntry comment,
                                  @JsonAlias("attribute_scores") Map<String, SuggestedScore> attributeScores,
                                  List<String> languages, @JsonAlias("community_id") String communityId,
                                  @JsonAlias("client_token") String clientToken, @JsonAlias("do_not_store") Boolean doNotStore,
                                  @JsonAlias("session_id") String sessionId, AnalyzeRequest.Context context) {

    @JsonIgnoreProperties({"spanScores", "span_scores"})
    public record SuggestedScore(@JsonAlias("summary_score") Value summaryScore) {}

    /**
     * As sent, in double precision: 0.9 is stored as 0.9 (the analyze response's float would keep 0.8999999761). A value
     * left out is proto3's default, 0: a protobuf client leaves a suggestion of 0 out of its JSON. A null is a 400
     * ({@link Proto3Json.SuggestedValue}; until the forty-fourth session it was read as 0 too). As proto3 JSON reads them,
     * the value may come as a string and the type as its number where it is known.
     */
    public record Value(@JsonDeserialize(using = Proto3Json.SuggestedValue.class) Double value,
                        @JsonDeserialize(using = Proto3Json.ScoreType.class) String type) {
        public double valueOrDefault() {
            return value == null ? 0 : value;
        }
    }
}
