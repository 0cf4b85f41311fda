package org.parley.service;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A mocked servlet response that keeps its body: the answers servlets and filters write themselves, read back. */
public final class WrittenBody {
    public final ByteArrayOutputStream bytes;
    public final HttpServletResponse response = mock(HttpServletResponse.class);

    public WrittenBody() throws IOException {
        this(new ByteArrayOutputStream());
    }

    /** Its body written into {@code bytes}, a stream the test already holds. */
    public WrittenBody(ByteArrayOutputStream bytes) throws IOException {
        this.bytes = bytes;
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
                bytes.write(b);
            }
        });
    }
}
