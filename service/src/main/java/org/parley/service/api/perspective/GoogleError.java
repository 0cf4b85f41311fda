package org.parley.service.api.perspective;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's error envelope: {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}},
 * and {@code details}: Perspective's typed error where it gives one (a refused language), else, on a
 * 400, Google's standard {@code google.rpc.BadRequest} naming the field.
 */
public record GoogleError(Body error) {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Body(int code, String message, String status, List<Object> details) {}

    /** Perspective's type for its own errors in {@code details}. */
    static final String ERROR_TYPE_URL = "type.googleapis.com/google.commentanalyzer.v1alpha1.Error";
    /** Google's standard detail for INVALID_ARGUMENT (google.rpc.BadRequest). */
    static final String BAD_REQUEST_TYPE_URL = "type.googleapis.com/google.rpc.BadRequest";
    /** Google's standard detail naming why a request was refused (google.rpc.ErrorInfo). */
    static final String ERROR_INFO_TYPE_URL = "type.googleapis.com/google.rpc.ErrorInfo";
    /** Google's front end's words for a request with no key (a 403), and for a key it does not know (a 400). */
    public static final String KEY_MISSING = "The request is missing a valid API key.";
    public static final String KEY_INVALID = "API key not valid. Please pass a valid API key.";
    /** Parley's name for the request as a whole (JSON, UTF-8, gzip), which is no field of Perspective's request. */
    private static final String WHOLE_BODY = "body";

    /** @param detail an entry of {@code details}, or null for none */
    public static GoogleError of(int code, String message, Object detail) {
        return new GoogleError(new Body(code, message, status(code), detail == null ? List.of() : List.of(detail)));
    }

    /**
     * Perspective's LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE: the languages the caller named, or those
     * detected in the comment when it named none, and the attribute that cannot read them.
     */
    public static Map<String, Object> languageNotSupported(String attribute, List<String> requested, List<String> detected) {
        Map<String, Object> error = new LinkedHashMap<>();
        if (!requested.isEmpty()) error.put("requestedLanguages", requested);
        if (!detected.isEmpty()) error.put("detectedLanguages", detected);
        error.put("attribute", attribute);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("@type", ERROR_TYPE_URL);
        detail.put("errorType", "LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE");
        detail.put("languageNotSupportedByAttributeError", error);
        return detail;
    }

    /**
     * google.rpc.BadRequest with one field violation: {@code field} is the JSON path in the request's own
     * terms ({@code comment.text}, {@code requestedAttributes.FOO}, {@code languages[0]}), left out when the
     * refusal is of the body as a whole, as Google's APIs leave it out for JSON they cannot parse.
     */
    public static Map<String, Object> badRequest(String field, String description) {
        Map<String, Object> violation = new LinkedHashMap<>();
        if (field != null && !field.equals(WHOLE_BODY)) violation.put("field", field);
        violation.put("description", description);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("@type", BAD_REQUEST_TYPE_URL);
        detail.put("fieldViolations", List.of(violation));
        return detail;
    }

    /**
     * The google.rpc.ErrorInfo that Google's front end gives with {@link #KEY_INVALID}: Google's client libraries
     * and their users read {@code reason} to tell a wrong key from other 400s.
     */
    public static Map<String, Object> apiKeyInvalid() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("@type", ERROR_INFO_TYPE_URL);
        detail.put("reason", "API_KEY_INVALID");
        detail.put("domain", "googleapis.com");
        detail.put("metadata", Map.of("service", "commentanalyzer.googleapis.com"));
        return detail;
    }

    /** The google.rpc.Code name Google's APIs pair with each HTTP status. */
    static String status(int code) {
        return switch (code) {
            case 400, 413, 415 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "UNIMPLEMENTED";
            case 408 -> "DEADLINE_EXCEEDED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }
}
