package org.parley.service.batch;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A batch part as a servlet request, for Jersey's servlet to serve as it serves one sent alone: its own method, path,
 * query, headers and body, and attributes of its own (Jersey keeps a request's properties there: one part's body
 * charge must not be read as the next's). The connection's facts (the client's address, the scheme and host) are
 * the batch's, so a part pays where its batch's sender pays; a part's own X-Forwarded-For is not read.
 */
final class PartRequest extends HttpServletRequestWrapper {
    private final String method;
    private final String path;
    private final String query;
    /** Lower-cased name → values, in order; and each name as first given. */
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, String> names = new LinkedHashMap<>();
    private final byte[] body;
    private final Map<String, Object> attributes = new HashMap<>();
    private final Set<String> removed = new LinkedHashSet<>();

    /** @param headers the part's headers, those it inherits from the batch included ({@link BatchServlet}) */
    PartRequest(HttpServletRequest batch, String method, String path, String query, List<InnerRequest.Header> headers, byte[] body) {
        super(batch);
        this.method = method;
        this.path = path;
        this.query = query;
        this.body = body;
        for (InnerRequest.Header h : headers) {
            String key = h.name().toLowerCase(Locale.ROOT);
            names.putIfAbsent(key, h.name());
            this.headers.computeIfAbsent(key, k -> new ArrayList<>()).add(h.value());
        }
    }

    @Override public String getMethod() { return method; }
    @Override public String getRequestURI() { return path; }
    @Override public String getContextPath() { return ""; }
    @Override public String getServletPath() { return ""; }
    @Override public String getPathTranslated() { return null; }
    @Override public String getQueryString() { return query; }
    @Override public DispatcherType getDispatcherType() { return DispatcherType.REQUEST; }

    @Override
    public String getPathInfo() {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    /** The batch's scheme, host and port, with this part's path. */
    @Override
    public StringBuffer getRequestURL() {
        StringBuffer batch = super.getRequestURL();
        String batchPath = super.getRequestURI();
        int at = batchPath == null ? -1 : batch.lastIndexOf(batchPath);
        return new StringBuffer(at < 0 ? batch : batch.substring(0, at)).append(path);
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(names.values());
    }

    @Override
    public int getIntHeader(String name) {
        String v = getHeader(name);
        return v == null ? -1 : Integer.parseInt(v.strip());
    }

    @Override
    public long getDateHeader(String name) {
        String v = getHeader(name);
        if (v == null) return -1;
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a date: " + name);
        }
    }

    @Override public String getContentType() { return getHeader("Content-Type"); }
    @Override public int getContentLength() { return body.length; }
    @Override public long getContentLengthLong() { return body.length; }

    @Override
    public String getCharacterEncoding() {
        String type = getContentType();
        if (type == null) return null;
        for (String p : type.split(";")) {
            String[] kv = p.strip().split("=", 2);
            if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("charset")) return kv[1].strip().replace("\"", "");
        }
        return null;
    }

    @Override public void setCharacterEncoding(String encoding) {}

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener listener) { throw new IllegalStateException("a batch part is read at once"); }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    /** The query's parameters only: a part's body is never read as a form here. */
    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (query != null)
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                params.computeIfAbsent(decoded(eq < 0 ? pair : pair.substring(0, eq)), k -> new ArrayList<>())
                        .add(eq < 0 ? "" : decoded(pair.substring(eq + 1)));
            }
        Map<String, String[]> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return out;
    }

    @Override
    public String getParameter(String name) {
        String[] values = getParameterMap().get(name);
        return values == null ? null : values[0];
    }

    @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(getParameterMap().keySet()); }
    @Override public String[] getParameterValues(String name) { return getParameterMap().get(name); }

    private static String decoded(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }

    @Override
    public Object getAttribute(String name) {
        if (attributes.containsKey(name)) return attributes.get(name);
        return removed.contains(name) ? null : super.getAttribute(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> all = new LinkedHashSet<>(Collections.list(super.getAttributeNames()));
        all.removeAll(removed);
        all.addAll(attributes.keySet());
        return Collections.enumeration(all);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            removeAttribute(name);
            return;
        }
        removed.remove(name);
        attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
        removed.add(name);
    }

    /** The session cookie is not the batch's to lend (BatchServlet passes no Cookie header on). */
    @Override public Cookie[] getCookies() { return null; }
    @Override public HttpSession getSession() { return null; }
    @Override public HttpSession getSession(boolean create) { return null; }
    @Override public boolean isAsyncStarted() { return false; }
    @Override public boolean isAsyncSupported() { return false; }

    @Override
    public AsyncContext startAsync() {
        throw new IllegalStateException("a batch part is answered at once");
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        throw new IllegalStateException("a batch part is answered at once");
    }
}
