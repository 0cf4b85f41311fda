package org.parley.service.batch;

import org.parley.service.errors.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The HTTP request a batch part holds ({@code application/http}): a request line, headers, a blank line and the body,
 * lines ending in CRLF or LF alone (Google's Python client writes LF). There is no library for this format; what is
 * read is what RFC 9112 allows a request to say, and anything else is the part's own 400.
 *
 * @param target  the request target as sent, its path and query (an absolute URL's scheme and host dropped)
 * @param headers names as sent, in order, values with their white space trimmed
 */
record InnerRequest(String method, String path, String query, List<Header> headers, byte[] body) {
    record Header(String name, String value) {}

    /** Request line and headers at most, as Jetty's own request header limit (8 KiB by default). */
    static final int MAX_HEAD_BYTES = 8_192;
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** An origin-form path: the characters a URI's path may hold, percent escapes included. */
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@/%]*");
    private static final Pattern ABSOLUTE = Pattern.compile("(?i)https?://[^/?#]*");

    static InnerRequest parse(byte[] content) {
        int at = 0;
        // RFC 9112: a server ignores blank lines before the request line.
        while (at < content.length && (content[at] == '\r' || content[at] == '\n')) at++;
        if (at == content.length) throw refused("it holds no request line (METHOD /path HTTP/1.1)");
        int end = lineEnd(content, at);
        if (end < 0) end = content.length;  // a request line alone
        noControls(content, at, end);
        String[] line = latin1(content, at, end).split(" ", -1);
        if (line.length < 2 || line.length > 3 || !TOKEN.matcher(line[0]).matches()
                || line.length == 3 && !line[2].matches("HTTP/1\\.[01]"))
            throw refused("its request line is not METHOD /path HTTP/1.1");
        String target = line[1];
        java.util.regex.Matcher absolute = ABSOLUTE.matcher(target);
        if (absolute.lookingAt()) target = target.substring(absolute.end());
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        if (!PATH.matcher(path).matches() || query != null && query.chars().anyMatch(c -> c <= ' ' || c == '#' || c >= 0x7f))
            throw refused("its request target is not a path such as /v1alpha1/comments:analyze?key=KEY");

        List<Header> headers = new ArrayList<>();
        at = next(content, end);
        while (true) {
            if (at > MAX_HEAD_BYTES) throw refused("its request line and headers are longer than " + MAX_HEAD_BYTES + " bytes");
            end = lineEnd(content, at);
            if (end < 0) end = content.length;  // headers up to the end: no body
            if (end == at) break;  // the blank line
            noControls(content, at, end);
            String h = latin1(content, at, end);
            at = next(content, end);
            if (h.charAt(0) == ' ' || h.charAt(0) == '\t') {  // obsolete line folding: the previous value goes on
                if (headers.isEmpty()) throw refused("its first header line starts with white space");
                Header last = headers.remove(headers.size() - 1);
                headers.add(new Header(last.name(), (last.value() + " " + h.strip()).strip()));
                continue;
            }
            int colon = h.indexOf(':');
            if (colon <= 0 || !TOKEN.matcher(h.substring(0, colon)).matches())
                throw refused("a header line is not Name: value");
            headers.add(new Header(h.substring(0, colon), h.substring(colon + 1).strip()));
            if (at >= content.length) break;
        }
        if (at > MAX_HEAD_BYTES) throw refused("its request line and headers are longer than " + MAX_HEAD_BYTES + " bytes");
        byte[] body = at >= content.length ? new byte[0] : Arrays.copyOfRange(content, next(content, end), content.length);
        return new InnerRequest(line[0], path, query, List.copyOf(headers), body);
    }

    /** A part's request line and headers, with the blank line after them; a few bytes more than InnerRequest takes at most. */
    static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean started = false;  // blank lines before the request line are skipped, as RFC 9112 has it
        int line = 0;
        while (out.size() <= InnerRequest.MAX_HEAD_BYTES + 2) {
            int b = in.read();
            if (b < 0) break;
            out.write(b);
            if (b == '\n') {
                if (line == 0 && started) break;
                started |= line > 0;
                line = 0;
            } else if (b != '\r') {
                line++;
            }
        }
        return out.toByteArray();
    }

    /** The last value of a header (names compared without case), or null. */
    String header(String name) {
        String value = null;
        for (Header h : headers) if (h.name().equalsIgnoreCase(name)) value = h.value();
        return value;
    }

    boolean hasQueryParameter(String name) {
        if (query == null) return false;
        for (String pair : query.split("&")) {
            String n = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (n.equals(name)) return true;
        }
        return false;
    }

    /**
     * RFC 9112 allows no control character in a request line or header line but HTAB (in a value): a NUL, a CR that
     * does not end the line, another C0 control or DEL. Until the forty-ninth session one in a header's value was
     * passed on to Jersey inside the value; the request line's were refused by its syntax, without saying why.
     *
     * @param from the line's first byte; {@code to} its line ending (its CRLF's CR or its LF), so any CR before it is alone
     */
    private static void noControls(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c == '\t' || c >= ' ' && c != 0x7f) continue;
            String kind = c == 0 ? "NUL (0x00)" : c == '\r' ? "CR (0x0d) without LF after it"
                    : c == 0x7f ? "DEL (0x7f)" : String.format("control character 0x%02x", c);
            throw refused("its request line and headers hold " + kind + " at byte " + i + " of the part (from 0), "
                    + "which RFC 9112 forbids there (of the control characters only HTAB may appear, in a header's value)");
        }
    }

    /** Index of the LF (or CRLF's CR) ending the line that starts at {@code from}; -1 if there is none. */
    private static int lineEnd(byte[] b, int from) {
        for (int i = from; i < b.length; i++)
            if (b[i] == '\n') return i > from && b[i - 1] == '\r' ? i - 1 : i;
        return -1;
    }

    /** The first byte after the line ending at {@code end} (its CRLF or LF). */
    private static int next(byte[] b, int end) {
        if (end >= b.length) return b.length;
        return b[end] == '\r' ? end + 2 : end + 1;
    }

    private static String latin1(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static ApiException refused(String why) {
        return ApiException.badField("body", "this part is not an HTTP request: " + why);
    }
}
