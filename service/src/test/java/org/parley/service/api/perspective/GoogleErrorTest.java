package org.parley.service.api.perspective;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Google's envelope: the google.rpc.Code name beside each HTTP status, the statuses the resources never answer included. */
class GoogleErrorTest {
    @Test
    void eachStatusHasGooglesCodeNameAndAnyOtherIsInternalFromFiveHundredOn() {
        Map<Integer, String> names = Map.ofEntries(Map.entry(400, "INVALID_ARGUMENT"), Map.entry(413, "INVALID_ARGUMENT"),
                Map.entry(415, "INVALID_ARGUMENT"), Map.entry(401, "UNAUTHENTICATED"), Map.entry(403, "PERMISSION_DENIED"),
                Map.entry(404, "NOT_FOUND"), Map.entry(405, "UNIMPLEMENTED"), Map.entry(408, "DEADLINE_EXCEEDED"),
                Map.entry(429, "RESOURCE_EXHAUSTED"), Map.entry(503, "UNAVAILABLE"), Map.entry(500, "INTERNAL"),
                Map.entry(502, "INTERNAL"), Map.entry(499, "FAILED_PRECONDITION"), Map.entry(409, "FAILED_PRECONDITION"));
        names.forEach((code, name) -> assertEquals(name, GoogleError.status(code), "" + code));
    }

    @Test
    void theBodyHoldsTheCodeMessageStatusAndItsOneDetail() {
        Map<String, Object> detail = GoogleError.badRequest("comment.text", "is empty");
        assertEquals(new GoogleError.Body(400, "comment.text is empty", "INVALID_ARGUMENT", List.of(detail)),
                GoogleError.of(400, "comment.text is empty", detail).error());
        assertEquals(List.of(), GoogleError.of(503, "busy", null).error().details(), "no detail: none");
    }
}
