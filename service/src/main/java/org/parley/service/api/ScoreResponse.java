package org.parley.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/** Calibrated probability per attribute, and which model said so. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreResponse(String id, Map<String, AttributeScore> attributes, ModelInfo model) {
    public record AttributeScore(float probability) {}

    public record ModelInfo(String name, String version, String checksum) {}
}
