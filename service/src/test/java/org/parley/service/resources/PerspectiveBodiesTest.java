package org.parley.service.resources;

import com.fasterxml.jackson.jakarta.rs.cfg.ObjectReaderInjector;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
}
