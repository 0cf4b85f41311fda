package org.parley.service.batch;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A batch part's answer, kept in memory: Jersey's servlet writes it here as it would to the connection, and the batch
 * writes it into its own answer. Nothing reaches the batch's response: this is no wrapper of it.
 */
final class PartResponse implements HttpServletResponse {
    private int status = SC_OK;
    /** Lower-cased name → values; and each name as first set. */
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private PrintWriter writer;
    private boolean committed;
    /** sendError was called: the batch writes the error's JSON in place of a body. */
    private boolean error;

    int status() {
        return status;
    }

    boolean failedWithoutBody() {
        return error || status >= 400 && body.size() == 0;
    }

    byte[] body() {
        if (writer != null) writer.flush();
        return body.toByteArray();
    }

    /** Each header as name and value, in the order first set. */
    List<Map.Entry<String, String>> headerLines() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        headers.forEach((key, values) -> values.forEach(v -> out.add(Map.entry(names.get(key), v))));
        return out;
    }

    @Override public void setStatus(int sc) { if (!committed) status = sc; }
    @SuppressWarnings("deprecation") @Override public void setStatus(int sc, String sm) { setStatus(sc); }
    @Override public int getStatus() { return status; }

    @Override
    public void sendError(int sc, String msg) {
        resetBuffer();
        status = sc;
        error = true;
        committed = true;
    }

    @Override public void sendError(int sc) { sendError(sc, null); }
    @Override public void sendRedirect(String location) { setHeader("Location", location); sendError(SC_FOUND); }

    @Override
    public void setHeader(String name, String value) {
        String key = name.toLowerCase(Locale.ROOT);
        headers.remove(key);
        names.remove(key);
        if (value != null) addHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (value == null) return;
        String key = name.toLowerCase(Locale.ROOT);
        names.putIfAbsent(key, name);
        headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    @Override public boolean containsHeader(String name) { return headers.containsKey(name.toLowerCase(Locale.ROOT)); }
    @Override public String getHeader(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : v.get(0);
    }
    @Override public Collection<String> getHeaders(String name) { return List.copyOf(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())); }
    @Override public Collection<String> getHeaderNames() { return List.copyOf(names.values()); }
    @Override public void setIntHeader(String name, int value) { setHeader(name, Integer.toString(value)); }
    @Override public void addIntHeader(String name, int value) { addHeader(name, Integer.toString(value)); }
    @Override public void setDateHeader(String name, long date) { setHeader(name, httpDate(date)); }
    @Override public void addDateHeader(String name, long date) { addHeader(name, httpDate(date)); }

    private static String httpDate(long millis) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC));
    }

    @Override public void setContentType(String type) { setHeader("Content-Type", type); }
    @Override public String getContentType() { return getHeader("Content-Type"); }
    @Override public void setContentLength(int len) {}  // the batch writes the length it holds
    @Override public void setContentLengthLong(long len) {}
    @Override public void setCharacterEncoding(String charset) {}
    @Override public String getCharacterEncoding() { return StandardCharsets.UTF_8.name(); }
    @Override public void addCookie(Cookie cookie) {}  // no answer to a Perspective path sets one
    @Override public String encodeURL(String url) { return url; }
    @Override public String encodeRedirectURL(String url) { return url; }
    @SuppressWarnings("deprecation") @Override public String encodeUrl(String url) { return url; }
    @SuppressWarnings("deprecation") @Override public String encodeRedirectUrl(String url) { return url; }

    @Override
    public ServletOutputStream getOutputStream() {
        return new ServletOutputStream() {
            @Override public void write(int b) { body.write(b); }
            @Override public void write(byte[] b, int off, int len) { body.write(b, off, len); }
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) { throw new IllegalStateException("a batch part is written at once"); }
        };
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
        return writer;
    }

    @Override public void setBufferSize(int size) {}
    @Override public int getBufferSize() { return Integer.MAX_VALUE; }
    @Override public void flushBuffer() { committed = true; }
    @Override public boolean isCommitted() { return committed; }
    @Override public void setLocale(Locale loc) {}
    @Override public Locale getLocale() { return Locale.ROOT; }

    @Override
    public void resetBuffer() {
        if (writer != null) writer.flush();
        body.reset();
    }

    @Override
    public void reset() {
        resetBuffer();
        headers.clear();
        names.clear();
        status = SC_OK;
    }
}
