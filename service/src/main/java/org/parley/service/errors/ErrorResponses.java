package org.parley.service.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.parley.service.api.ErrorBody;
import org.parley.service.api.perspective.GoogleError;

/** Builds error answers in the format of the API the request was for (also for auth's mapper of a missing role). */
public final class ErrorResponses {
    /** Perspective clients parse Google's envelope; everything else gets {@link ErrorBody}. */
    static final String PERSPECTIVE_PREFIX = "v1alpha1";

    private ErrorResponses() {}

    /** The endpoint as messages name it, from the request's path: {@code /v1/score}, whether or not Jersey gave the slash. */
    public static String endpoint(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    /** A 403 that cannot name the role needed: the endpoint alone. */
    public static String roleRefused(String path) {
        return "this API key's role may not use " + endpoint(path);
    }

    /**
     * A request whose credential is missing or unknown. Parley's paths answer 401 (with WWW-Authenticate, see
     * {@link #build}); Perspective's answer as Google's front end does for an API-key API, whose clients were written
     * against it: no key is a 403 PERMISSION_DENIED, a key it does not know a 400 INVALID_ARGUMENT with an
     * ErrorInfo API_KEY_INVALID (Google's public error format; not checked against Google's servers).
     *
     * @param presented whether a key was sent (a session cookie is none: Perspective has no sessions)
     */
    public static ApiException credentialRefused(String path, boolean presented) {
        if (!isPerspective(path))
            return new ApiException(401, "key", null,
                    "missing, unknown or expired credential: send 'Authorization: Bearer KEY' or '?key=KEY', or log in again");
        return presented
                ? new ApiException(400, "key", null, GoogleError.KEY_INVALID).withGoogleDetail(GoogleError.apiKeyInvalid())
                : new ApiException(403, "key", null, GoogleError.KEY_MISSING);
    }

    public static Response build(String path, ApiException e) {
        Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body(path, e));
        if (e.retryAfterSeconds() != null) r.header("Retry-After", e.retryAfterSeconds());
        // RFC 9110: a 401 names the scheme that would be accepted.
        if (e.status() == 401) r.header("WWW-Authenticate", "Bearer realm=\"parley\"");
        return r.build();
    }

    /** The error's body in the format of the API the path is in: Google's envelope, or {@link ErrorBody}. */
    public static Object body(String path, ApiException e) {
        return isPerspective(path) ? google(e) : new ErrorBody(e.status(), e.getMessage(), e.field(), e.limit());
    }

    /** The error in Google's envelope, whatever the path (Google's batch, batch.BatchServlet, answers in it too). */
    public static GoogleError google(ApiException e) {
        return GoogleError.of(e.status(), e.getMessage(), googleDetail(e));
    }

    /**
     * Perspective's typed error where the refusal carries one (a language); else a 400 names its field in
     * Google's standard google.rpc.BadRequest, as Google's APIs do for INVALID_ARGUMENT.
     */
    private static Object googleDetail(ApiException e) {
        if (e.googleDetail() != null) return e.googleDetail();
        return e.status() == 400 ? GoogleError.badRequest(e.field(), e.getMessage()) : null;
    }

    /**
     * The Perspective paths, {@code /v1alpha1…}, with or without Jersey's leading slash: their errors come in Google's
     * envelope, and their bodies and colons are read as Perspective's clients send them (PerspectiveBodies, EncodedColons).
     */
    public static boolean isPerspective(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith(PERSPECTIVE_PREFIX);
    }
}
