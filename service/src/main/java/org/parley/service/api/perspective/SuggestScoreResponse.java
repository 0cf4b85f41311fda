package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonInclude;

/** SuggestCommentScore response. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuggestScoreResponse(String clientToken) {}
