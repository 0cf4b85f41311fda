package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/** AnalyzeComment response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalyzeResponse(Map<String, AttributeScores> attributeScores, List<String> languages,
                              List<String> detectedLanguages, String clientToken) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttributeScores(List<SpanScore> spanScores, Score summaryScore) {}

    public record SpanScore(int begin, int end, Score score) {}

    public record Score(float value, String type) {
        public static Score probability(float value) {
            return new Score(value, "PROBABILITY");
        }
    }
}
