package org.parley.service.batch;

import jakarta.servlet.http.HttpServletRequest;
import org.parley.service.auth.ApiKeyAuthFilter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The headers a batch part is sent to Jersey with: its own, and those of the batch it does not set, as Google's front
 * end passes the outer request's headers on; and the credential the auth filter will read from them.
 */
final class PartHeaders {
    /** The batch's headers a part does not take: its body's own, the connection's, and the browser's session. */
    private static final Pattern NOT_PASSED_ON = Pattern.compile(
            "content-.*|transfer-encoding|connection|keep-alive|te|trailer|upgrade|expect|host|cookie|proxy-.*");
    private static final String KEY_HEADER = ApiKeyAuthFilter.GOOGLE_KEY_HEADER;

    private PartHeaders() {}

    /**
     * The part's headers, and the batch's it does not give itself. Its key, where it has none (no Authorization,
     * X-Goog-Api-Key or {@code ?key=}), is the batch's, taken in the order the auth filter takes a request's: its
     * {@code Authorization}, else its {@code ?key=}, else its {@code X-Goog-Api-Key}. Its own Content-Length is replaced by
     * its body's length as it came (BatchServlet; the Python client counts characters, not bytes).
     */
    static List<InnerRequest.Header> of(HttpServletRequest batch, InnerRequest inner) {
        boolean ownKey = inner.header("Authorization") != null || inner.header(KEY_HEADER) != null || inner.hasQueryParameter("key");
        List<InnerRequest.Header> out = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (InnerRequest.Header h : inner.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.equals("content-length") || name.equals("transfer-encoding")) continue;
            given.add(name);
            out.add(h);
        }
        String batchKey = ownKey || batch.getHeader("Authorization") != null ? null : queryKey(batch.getQueryString());
        for (String name : Collections.list(batch.getHeaderNames())) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (given.contains(lower) || NOT_PASSED_ON.matcher(lower).matches()) continue;
            if ((ownKey || batchKey != null) && (lower.equals("authorization") || lower.equals(KEY_HEADER.toLowerCase(Locale.ROOT))))
                continue;
            for (String value : Collections.list(batch.getHeaders(name))) out.add(new InnerRequest.Header(name, value));
        }
        if (batchKey != null) out.add(new InnerRequest.Header(KEY_HEADER, batchKey));
        return out;
    }

    /** The token the auth filter will read from a part with these headers and query: Bearer, else ?key=, else X-Goog-Api-Key. */
    static String credential(List<InnerRequest.Header> headers, String query) {
        return ApiKeyAuthFilter.bearer(first(headers, "Authorization"))
                .or(() -> Optional.ofNullable(queryKey(query)))
                .orElse(first(headers, KEY_HEADER));
    }

    private static String first(List<InnerRequest.Header> headers, String name) {
        for (InnerRequest.Header h : headers) if (h.name().equalsIgnoreCase(name)) return h.value();
        return null;
    }

    /** The batch's {@code ?key=}, decoded, or null. */
    private static String queryKey(String query) {
        if (query == null) return null;
        for (String pair : query.split("&"))
            if (pair.startsWith("key=")) {
                try {
                    return java.net.URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return pair.substring(4);
                }
            }
        return null;
    }

}
