package org.parley.service.errors;

/**
 * A request the service refuses, with what is wrong and where. No stack trace: it is an answer,
 * not a bug.
 *
 * @see org.parley.service.api.ErrorBody
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String field;
    private final Long limit;
    private final Long retryAfterSeconds;
    private final Object detail;

    /** @param limit the limit broken, an int or a long (a whole number's range), or null */
    public ApiException(int status, String field, Number limit, String message) {
        this(status, field, limit == null ? null : limit.longValue(), message, null);
    }

    /**
     * The message and field often repeat what the client sent (a field name, a value); what cannot
     * be stored cannot be echoed either: an unpaired surrogate made the whole answer invalid
     * Unicode for strict JSON parsers, so it and U+0000 are shown as U+FFFD.
     */
    private ApiException(int status, String field, Long limit, String message, Long retryAfterSeconds) {
        this(status, field, limit, message, retryAfterSeconds, null);
    }

    private ApiException(int status, String field, Long limit, String message, Long retryAfterSeconds, Object detail) {
        super(UnstorableCharacters.replaced(message), null, false, false);
        this.status = status;
        this.field = UnstorableCharacters.replaced(field);
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
        this.detail = detail;
    }

    /**
     * The same refusal with a detail for Google's envelope ({@code error.details[0]}), where
     * Perspective's clients read an {@code errorType}; Parley's own error body has no place for it.
     */
    public ApiException withGoogleDetail(Object detail) {
        return new ApiException(status, field, limit, getMessage(), retryAfterSeconds, detail);
    }

    /** A client's value as an error message repeats it: at most 100 characters, so the answer stays small. */
    public static String shown(String value) {
        return value == null || value.length() <= 100 ? value : value.substring(0, 100) + "… (" + value.length() + " characters)";
    }

    /**
     * How a message names a stored comment: by its id and, where it has one, its site ("comment 12345 of a.example"),
     * since ids are each site's own (changelog 15-comment-local-id) and a moderator of two sites may have both's.
     *
     * @param site null for a comment stored before sites were kept
     */
    public static String comment(String id, String site) {
        return "comment " + shown(id) + (site == null ? "" : " of " + shown(site));
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(400, field, null, message);
    }

    public static ApiException tooManyRequests(long retryAfterSeconds, int perSecond) {
        return new ApiException(429, null, (long) perSecond,
                "rate limit of " + perSecond + " requests/s for this key exceeded; retry after " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }

    /** 429 for one client address of a published (scorer) key, whose own bucket the other visitors do not share. */
    public static ApiException tooManyRequestsFromAddress(long retryAfterSeconds, int perSecond) {
        return new ApiException(429, null, (long) perSecond, "rate limit of " + perSecond
                + " requests/s for this key from one address exceeded; retry after " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    /** 503: a dependency (the database) is down; the client should retry after the given time. */
    public static ApiException unavailable(long retryAfterSeconds, String message) {
        return unavailable(503, retryAfterSeconds, message);
    }

    /** A refusal that passes with time (503, 429): the answer carries Retry-After. */
    public static ApiException unavailable(int status, long retryAfterSeconds, String message) {
        return new ApiException(status, null, null, message, retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public Long limit() {
        return limit;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What {@link #withGoogleDetail} gave, or null. */
    public Object googleDetail() {
        return detail;
    }
}
