package org.parley.service.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Body of POST /v1/score/batch: {"comments": [ScoreRequest, ...]}. Items stay JSON until they are
 * checked one by one, so that a malformed item is reported in its place and the rest are scored.
 */
public record BatchRequest(List<JsonNode> comments) {}
