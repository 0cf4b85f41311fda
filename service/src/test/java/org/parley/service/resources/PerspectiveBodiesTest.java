package org.parley.service.resources;

import com.fasterxml.jackson.jakarta.rs.cfg.ObjectReaderInjector;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The leniency of a Perspective body is set for its own read only: Jackson's provider forgets it once it reads, but a
 * read that ends before that (an empty body, another reader, a failure) would leave it on the thread for whatever
 * request the thread serves next, which would then take unquoted names too.
 */
class PerspectiveBodiesTest {
    @Test
    void theLeniencyIsSetForThePerspectiveReadAndGoneAfterItWhateverTheReadDid() throws Exception {
        PerspectiveBodies bodies = new PerspectiveBodies();
        ReaderInterceptorContext perspective = mock(ReaderInterceptorContext.class);
        when(perspective.getProperty(PerspectiveBodies.class.getName())).thenReturn(Boolean.TRUE);
        Object[] seen = new Object[1];
        when(perspective.proceed()).thenAnswer(call -> seen[0] = ObjectReaderInjector.get());  // a read that never clears it
        bodies.aroundReadFrom(perspective);
        assertNotNull(seen[0], "set for the read");
        assertNull(ObjectReaderInjector.get(), "gone after it");

        when(perspective.proceed()).thenThrow(new java.io.IOException("the body broke"));
        assertThrows(java.io.IOException.class, () -> bodies.aroundReadFrom(perspective));
        assertNull(ObjectReaderInjector.get(), "gone after a failed read too");

        ReaderInterceptorContext other = mock(ReaderInterceptorContext.class);
        when(other.proceed()).thenAnswer(call -> seen[0] = ObjectReaderInjector.get());
        bodies.aroundReadFrom(other);
        assertNull(seen[0], "another path's read is strict");
    }

    /**
     * text/plain becomes JSON with its parameters (BodyEncoding then checks the charset) only where a missing type does:
     * a Perspective path, a body announced, no cookie; a type that does not parse, or two, are left to their refusals.
     */
    @Test
    void textPlainIsReadAsJsonOnlyUnderTheMissingTypesGuard() {
        assertEquals("application/json;charset=UTF-8", typeAfter("v1alpha1/comments:analyze", "text/plain;charset=UTF-8", "12", null));
        assertEquals("application/json", typeAfter("/v1alpha1/comments:suggestscore", "TEXT/PLAIN", "12", null));
        assertEquals("application/json", typeAfter("v1alpha1/comments:analyze", null, "12", null));
        assertEquals("application/json;charset=ISO-8859-1", typeAfter("v1alpha1/comments:analyze", "text/plain; charset=ISO-8859-1", "12", null));
        assertEquals("text/plain;charset=UTF-8", typeAfter("v1alpha1/comments:analyze", "text/plain;charset=UTF-8", "12", "parley_session=x"));
        assertEquals("application/json", typeAfter("v1alpha1/comments:analyze", null, "12", "AWSALB=y"), "a cookie that is no session's");
        assertEquals("text/plain", typeAfter("v1alpha1/comments:analyze", "text/plain", "0", null));
        assertEquals("text/plain;application/json", typeAfter("v1alpha1/comments:analyze", "text/plain;application/json", "12", null));
        assertEquals("text/plain,text/plain", typeAfter("v1alpha1/comments:analyze", "text/plain\ntext/plain", "12", null));
        assertEquals("text/html", typeAfter("v1alpha1/comments:analyze", "text/html", "12", null));
        assertEquals("text/plain", typeAfter("v1/score", "text/plain", "12", null));
        // A chunked body (fetch's streams, curl -H 'Transfer-Encoding: chunked') announces itself without a length.
        assertEquals("application/json;charset=UTF-8", typeAfter("v1alpha1/comments:analyze", "text/plain;charset=UTF-8", null, null));
        assertEquals("application/json", typeAfter("v1alpha1/comments:analyze", null, null, null));
    }

    /**
     * @param type   the Content-Type headers, one a line, or null for none
     * @param length the Content-Length, or null for a chunked body
     */
    private static String typeAfter(String path, String type, String length, String cookie) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (type != null) for (String t : type.split("\n")) headers.add(HttpHeaders.CONTENT_TYPE, t);
        if (length != null) headers.add(HttpHeaders.CONTENT_LENGTH, length);
        else headers.add("Transfer-Encoding", "chunked");
        if (cookie != null) headers.add(HttpHeaders.COOKIE, cookie);
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        UriInfo uri = mock(UriInfo.class);
        when(uri.getPath(false)).thenReturn(path);
        when(request.getUriInfo()).thenReturn(uri);
        when(request.getHeaders()).thenReturn(headers);
        java.util.Map<String, jakarta.ws.rs.core.Cookie> cookies = new java.util.HashMap<>();  // as Jersey parses them
        if (cookie != null) for (String c : cookie.split(";")) {
            String[] nameValue = c.strip().split("=", 2);
            cookies.put(nameValue[0], new jakarta.ws.rs.core.Cookie(nameValue[0], nameValue.length > 1 ? nameValue[1] : ""));
        }
        when(request.getCookies()).thenReturn(cookies);
        when(request.getHeaderString(anyString())).thenAnswer(call -> headers.containsKey(call.<String>getArgument(0))
                ? String.join(",", headers.get(call.<String>getArgument(0))) : null);
        new PerspectiveBodies().filter(request);
        List<String> types = headers.get(HttpHeaders.CONTENT_TYPE);
        return types == null ? null : String.join(",", types);
    }
}
