package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Map;

/** AnalyzeComment request; fields Parley does not use (communityId, sessionId, context) are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnalyzeRequest(TextEntry comment, Map<String, AttributeParameters> requestedAttributes,
                             List<String> languages, Boolean doNotStore, Boolean spanAnnotations,
                             String clientToken) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TextEntry(String text, String type) {}

    public record AttributeParameters(String scoreType, Double scoreThreshold) {}
}
