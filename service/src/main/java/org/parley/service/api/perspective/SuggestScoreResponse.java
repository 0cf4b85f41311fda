package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * SuggestCommentScore response, Perspective's fields: the language detected when the caller named none, else the
 * languages it named, and its clientToken.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuggestScoreResponse(List<String> detectedLanguages, String clientToken, List<String> requestedLanguages) {}
