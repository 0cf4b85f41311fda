package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.parley.service.api.ErrorBody;

import java.util.List;

/** Per comment, in request order: 200 with the decided comment, or the error (409 with {@code current}). */
public record BulkDecisionResponse(List<Item> results) {
    @JsonInclude(JsonInclude.Include.NON_NULL)
    /** @param site the comment's site (absent for one stored before sites were kept), else the item's {@code site} */
    public record Item(String id, String site, int status, CommentView comment, ErrorBody error) {}
}
