package org.parley.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** One result per requested comment, in order: a score, or the error of that item. */
public record BatchResponse(List<Item> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String id, ScoreResponse score, ErrorBody error) {}
}
