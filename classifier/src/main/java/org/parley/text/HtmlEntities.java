package org.parley.text;

import java.util.Map;

/**
 * Decodes the HTML entities the corpora contain: numeric ones ({@code &#39;}, {@code &#x27;},
 * {@code &#128514;} for emoji in the tweet sets) and the named ones seen in practice. Doubly
 * escaped text ({@code &amp;#39;}, {@code &amp;amp;}) decodes all the way in one step, so its
 * clean char maps to the whole raw entity. Anything unknown or malformed is left as literal text.
 */
final class HtmlEntities {
    private static final Map<String, Integer> NAMED = Map.ofEntries(
            Map.entry("amp", (int) '&'), Map.entry("lt", (int) '<'), Map.entry("gt", (int) '>'),
            Map.entry("quot", (int) '"'), Map.entry("apos", (int) '\''), Map.entry("nbsp", 0xA0),
            Map.entry("hellip", 0x2026), Map.entry("mdash", 0x2014), Map.entry("ndash", 0x2013),
            Map.entry("lsquo", 0x2018), Map.entry("rsquo", 0x2019), Map.entry("ldquo", 0x201C),
            Map.entry("rdquo", 0x201D), Map.entry("laquo", 0xAB), Map.entry("raquo", 0xBB),
            Map.entry("bull", 0x2022), Map.entry("middot", 0xB7), Map.entry("copy", 0xA9),
            Map.entry("reg", 0xAE), Map.entry("trade", 0x2122), Map.entry("euro", 0x20AC),
            Map.entry("pound", 0xA3), Map.entry("cent", 0xA2), Map.entry("yen", 0xA5),
            Map.entry("deg", 0xB0), Map.entry("times", 0xD7), Map.entry("divide", 0xF7),
            Map.entry("eacute", 0xE9), Map.entry("egrave", 0xE8), Map.entry("aacute", 0xE1),
            Map.entry("agrave", 0xE0), Map.entry("iacute", 0xED), Map.entry("oacute", 0xF3),
            Map.entry("uacute", 0xFA), Map.entry("auml", 0xE4), Map.entry("ouml", 0xF6),
            Map.entry("uuml", 0xFC), Map.entry("ccedil", 0xE7), Map.entry("ntilde", 0xF1),
            Map.entry("szlig", 0xDF), Map.entry("shy", 0xAD), Map.entry("zwj", 0x200D),
            Map.entry("zwnj", 0x200C));
    private static final int MAX_NAME = 6;
    private static final int MAX_DIGITS = 7;
    private static final int MAX_NESTING = 3;

    private HtmlEntities() {}

    /**
     * Decodes the entity that starts at {@code s.charAt(at) == '&'}.
     *
     * @return {@code codePoint << 32 | end} (end exclusive), or -1 if there is no entity there
     */
    static long decode(String s, int at) {
        long result = decodeBody(s, at + 1);
        for (int k = 0; k < MAX_NESTING && result >= 0 && (int) (result >>> 32) == '&'; k++) {
            long inner = decodeBody(s, (int) result);
            if (inner < 0) {
                break;
            }
            result = inner;
        }
        return result;
    }

    /** Decodes "name;" or "#123;" or "#x7B;" starting at {@code from}. */
    private static long decodeBody(String s, int from) {
        int n = s.length();
        if (from >= n) {
            return -1;
        }
        if (s.charAt(from) == '#') {
            int i = from + 1;
            int radix = 10;
            if (i < n && (s.charAt(i) == 'x' || s.charAt(i) == 'X')) {
                radix = 16;
                i++;
            }
            int start = i;
            int cp = 0;
            while (i < n && i - start < MAX_DIGITS && Character.digit(s.charAt(i), radix) >= 0) {
                cp = cp * radix + Character.digit(s.charAt(i), radix);
                i++;
            }
            if (i == start || i >= n || s.charAt(i) != ';' || !isDecodable(cp)) {
                return -1;
            }
            return ((long) cp << 32) | (i + 1);
        }
        int i = from;
        while (i < n && i - from <= MAX_NAME && isAsciiLetter(s.charAt(i))) {
            i++;
        }
        if (i == from || i >= n || s.charAt(i) != ';') {
            return -1;
        }
        Integer cp = NAMED.get(s.substring(from, i));
        return cp == null ? -1 : ((long) cp << 32) | (i + 1);
    }

    private static boolean isDecodable(int cp) {
        return cp > 0 && cp <= Character.MAX_CODE_POINT
                && !(cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
