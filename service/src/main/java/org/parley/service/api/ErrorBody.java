package org.parley.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every /v1 error: the HTTP code, a message for a person, and where it applies, the offending
 * {@code field} (a JSON path such as {@code comment.text}) and the {@code limit} it broke (a long: a whole number's range can be a long's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(int code, String message, String field, Long limit) {}
