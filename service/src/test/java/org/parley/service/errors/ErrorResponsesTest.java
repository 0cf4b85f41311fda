package org.parley.service.errors;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.parley.service.api.ErrorBody;
import org.parley.service.api.perspective.GoogleError;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The refusals' answers by path and status (docs/scoring-api.md, "Keys and roles" and "Perspective-compatible endpoints"). */
class ErrorResponsesTest {
    @Test
    void aRefusedCredentialOnParleysPathsIsA401NamingTheBearerScheme() {
        Response r = ErrorResponses.build("v1/score", ErrorResponses.credentialRefused("v1/score", true));
        assertEquals(401, r.getStatus());
        assertEquals("Bearer realm=\"parley\"", r.getHeaderString("WWW-Authenticate"));
        assertNull(r.getHeaderString("Retry-After"));
        ErrorBody body = (ErrorBody) r.getEntity();
        assertEquals(401, body.code());
        assertEquals("key", body.field());
    }

    @Test
    void onPerspectivesPathsNoKeyIsA403AndAWrongKeyA400WithGooglesErrorInfo() {
        ApiException missing = ErrorResponses.credentialRefused("/v1alpha1/comments:analyze", false);
        assertEquals(403, missing.status());
        Response r = ErrorResponses.build("/v1alpha1/comments:analyze", missing);
        assertNull(r.getHeaderString("WWW-Authenticate"), "Parley's Bearer scheme is named on its 401s only");
        GoogleError.Body error = ((GoogleError) r.getEntity()).error();
        assertEquals(403, error.code());
        assertEquals(GoogleError.KEY_MISSING, error.message());

        ApiException wrong = ErrorResponses.credentialRefused("v1alpha1/comments:analyze", true);
        assertEquals(400, wrong.status());
        List<Object> details = ErrorResponses.google(wrong).error().details();
        assertEquals("API_KEY_INVALID", ((Map<?, ?>) details.get(0)).get("reason"));
    }

    @Test
    void aRateLimitCarriesRetryAfterAndItsLimit() {
        Response r = ErrorResponses.build("/v1/score", ApiException.tooManyRequests(7, 100));
        assertEquals(429, r.getStatus());
        assertEquals("7", r.getHeaderString("Retry-After"));
        assertNull(r.getHeaderString("WWW-Authenticate"));
        assertEquals(100L, ((ErrorBody) r.getEntity()).limit(), "the key's requests a second");
    }

    @Test
    void aPerspective400NamesItsFieldInGooglesBadRequestAndOtherStatusesHaveNoDetail() {
        GoogleError.Body error = ErrorResponses.google(ApiException.badField("comment.text", "comment.text is required")).error();
        Map<?, ?> detail = (Map<?, ?>) error.details().get(0);
        Map<?, ?> violation = (Map<?, ?>) ((List<?>) detail.get("fieldViolations")).get(0);
        assertEquals("comment.text", violation.get("field"));
        GoogleError.Body limited = ErrorResponses.google(ApiException.tooManyRequests(1, 5)).error();
        assertTrue(limited.details() == null || limited.details().isEmpty(), "a 429 has no field to name: " + limited.details());
    }

    @Test
    void aClientsValueIsShownUpTo100Characters() {
        String hundred = "x".repeat(100);
        assertEquals(hundred, ApiException.shown(hundred));
        assertEquals(hundred + "… (101 characters)", ApiException.shown(hundred + "y"));
        assertNull(ApiException.shown(null));
    }
}
