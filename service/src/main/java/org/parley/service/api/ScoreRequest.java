package org.parley.service.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of POST /v1/score: {"comment": {"text": "..."}, "id": "optional"}. */
public record ScoreRequest(@NotNull @Valid Comment comment, @Size(max = 200) String id) {
    public static final int MAX_TEXT = 20_480;

    public record Comment(@NotBlank @Size(max = MAX_TEXT) String text) {}
}
