package org.parley.corpus;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the Kaggle "Detecting Insults" comments, which are stored as Python 2 string literals:
 * wrapped in {@code "…"}, with {@code \n}, {@code \'}, {@code \\u2019} and raw bytes such as
 * {@code \xc2\xa0} (UTF-8 of a no-break space) or a lone {@code \xe4} (Latin-1/cp1252 "ä").
 */
final class KaggleEscapes {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private KaggleEscapes() {}

    static String decode(String field) {
        String s = field;
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char next = s.charAt(i + 1);
            if (next == 'x' && isHex(s, i + 2, 2)) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                while (i + 3 < s.length() && s.charAt(i) == '\\' && s.charAt(i + 1) == 'x' && isHex(s, i + 2, 2)) {
                    bytes.write(Integer.parseInt(s.substring(i + 2, i + 4), 16));
                    i += 4;
                }
                out.append(decodeBytes(bytes.toByteArray()));
                continue;
            }
            if (next == 'u' && isHex(s, i + 2, 4)) {
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 6;
                continue;
            }
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case '\\', '\'', '"' -> out.append(next);
                default -> out.append(c).append(next);
            }
            i += 2;
        }
        return out.toString();
    }

    /** Valid UTF-8 sequences decode as UTF-8; any other byte stands for itself in cp1252. */
    static String decodeBytes(byte[] b) {
        StringBuilder out = new StringBuilder();
        int j = 0;
        while (j < b.length) {
            int len = utf8Length(b, j);
            if (len > 1) {
                out.append(new String(b, j, len, StandardCharsets.UTF_8));
                j += len;
            } else {
                String one = new String(b, j, 1, CP1252);
                out.append(one.charAt(0) == '\uFFFD' ? (char) (b[j] & 0xff) : one.charAt(0));
                j++;
            }
        }
        return out.toString();
    }

    /** Length of a well-formed multi-byte UTF-8 sequence starting at {@code j}, else 1. */
    private static int utf8Length(byte[] b, int j) {
        int lead = b[j] & 0xff;
        int len = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 1;
        if (len == 1 || j + len > b.length) return 1;
        for (int k = 1; k < len; k++) if ((b[j + k] & 0xC0) != 0x80) return 1;
        return len;
    }

    private static boolean isHex(String s, int from, int count) {
        if (from + count > s.length()) return false;
        for (int k = from; k < from + count; k++) if (Character.digit(s.charAt(k), 16) < 0) return false;
        return true;
    }
}
