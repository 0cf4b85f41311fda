package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.service.api.ErrorBody;

import java.util.List;

/** Per comment, in request order: 200 with the decided comment, or the error (409 with {@code current}). */
public record BulkDecisionResponse(List<Item> results) {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(String id, int status, CommentView comment, ErrorBody error) {}
}
