package org.parley.service.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

/**
 * A coding the service does not read is a 415 that says what it takes, which depends on whether Jetty inflates gzip
 * (server.gzip): the request tests ran with one setting only (PIT, sixty-first session).
 */
class BodyEncodingTest {
    private static ApiException refused(boolean inflatesGzip, String coding) {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        MultivaluedHashMap<String, String> headers = new MultivaluedHashMap<>();
        headers.add(HttpHeaders.CONTENT_ENCODING, coding);
        when(request.getHeaders()).thenReturn(headers);
        return assertThrows(ApiException.class, () -> new BodyEncoding(inflatesGzip).filter(request));
    }

    @Test
    void theRefusalSaysWhichCodingsTheServiceReads() {
        ApiException withGzip = refused(true, "br");
        assertEquals(415, withGzip.status());
        assertEquals(HttpHeaders.CONTENT_ENCODING, withGzip.field());
        assertEquals("Content-Encoding 'br' is not supported: the body must be uncompressed (identity) or gzip, applied once",
                withGzip.getMessage());
        assertEquals("Content-Encoding 'br' is not supported: the body must be uncompressed (identity)",
                refused(false, "identity, br").getMessage());
    }
}
