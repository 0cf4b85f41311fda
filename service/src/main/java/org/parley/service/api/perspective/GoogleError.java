package org.parley.service.api.perspective;

/** Google's error envelope: {"error": {"code": 400, "message": "...", "status": "INVALID_ARGUMENT"}}. */
public record GoogleError(Body error) {
    public record Body(int code, String message, String status) {}

    public static GoogleError of(int code, String message) {
        return new GoogleError(new Body(code, message, status(code)));
    }

    /** The google.rpc.Code name Google's APIs pair with each HTTP status. */
    static String status(int code) {
        return switch (code) {
            case 400, 413, 415 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 405 -> "UNIMPLEMENTED";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
        };
    }
}
