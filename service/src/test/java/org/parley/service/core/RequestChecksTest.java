package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.UnstorableCharacters;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The checks the resources share, where the request tests do not reach them one by one (PIT on `core` with the
 * resource tests, sixty-first session): a required value's blank forms, and a target list read from query parameters,
 * which Jackson's refusal of unstorable strings never sees.
 */
class RequestChecksTest {
    @Test
    void aRequiredValueMustBeThereAndNotBlank() {
        for (String blank : new String[] {null, "", " \t"}) {
            ApiException e = assertThrows(ApiException.class, () -> RequestChecks.required(blank, "articleId", 10));
            assertEquals("articleId", e.field());
            assertEquals("articleId is required and must not be blank", e.getMessage());
        }
        assertEquals("a-1", RequestChecks.required("a-1", "articleId", 10));
        ApiException tooLong = assertThrows(ApiException.class, () -> RequestChecks.required("x".repeat(11), "articleId", 10));
        assertEquals(10L, tooLong.limit());
    }

    /** /v1/threads?target=…: an unpaired surrogate is no control character, and no JSON reader refused it before. */
    @Test
    void aQueryParametersTargetThatCannotBeStoredIsRefusedByItsPlace() {
        RequestChecks.targets(List.of("the pay rise", "nurses"), "target");
        ApiException e = assertThrows(ApiException.class, () -> RequestChecks.targets(List.of("the pay rise", "nurses \uD800"), "target"));
        assertEquals("target[1]", e.field());
        assertEquals("target[1] " + UnstorableCharacters.SURROGATE, e.getMessage());
    }
}
