package org.parley.text;

/**
 * The character-level step before the lexer: decodes HTML entities, folds every code point
 * ({@link CharFolding}) and look-alike letters where the text is Latin in disguise ({@link Homoglyphs}), and
 * records where each clean char came from. Doing this before tokenising lets the lexer see
 * "f\u200Buck" and "ｆｕｃｋ" as the plain word they are. Plain ASCII without {@code &} or
 * control chars, most comments, is returned as is without copying.
 */
final class TextCleaner {
    /** Combining marks kept after one base char ("Zalgo" text stacks hundreds). */
    static final int MAX_MARKS = 8;
    private TextCleaner() {}

    static CleanText clean(String raw) {
        int n = raw.length();
        int i = plainRun(raw, 0);
        if (i == n) {
            return CleanText.identity(raw);
        }
        CleanText.Builder b = new CleanText.Builder(raw);
        boolean confusables = false;
        i = 0;
        while (i < n) {
            int plainEnd = plainRun(raw, i);
            if (plainEnd < n && plainEnd > i && isMarkAt(raw, plainEnd)) {
                plainEnd--; // the last plain char is the base of a cluster ("e" + U+0301)
            }
            b.copy(i, plainEnd);
            i = plainEnd;
            if (i == n) {
                break;
            }
            char c = raw.charAt(i);
            if (c == '&') {
                long entity = HtmlEntities.decode(raw, i);
                if (entity >= 0) {
                    int cp = (int) (entity >>> 32);
                    int end = (int) entity;
                    appendFolded(b, cp, i, end);
                    confusables |= Homoglyphs.mayBeConfusable(cp);
                    i = end;
                    continue;
                }
            }
            int cp = raw.codePointAt(i);
            int next = i + Character.charCount(cp);
            // marks after an emoji (variation selectors, skin tones) are folded one by one
            int end = Character.isSurrogate(c) ? next : skipMarks(raw, next);
            if (end > next) {
                // beyond a few marks it is decoration, and NFKC's reordering of long runs is quadratic
                int folded = Math.min(end, next + MAX_MARKS);
                b.append(CharFolding.foldCluster(raw, i, folded), i, end);
            } else {
                appendFolded(b, cp, i, next);
                confusables |= Homoglyphs.mayBeConfusable(cp);
            }
            i = end;
        }
        if (confusables) {
            Homoglyphs.foldDisguisedWords(b);
        }
        return b.build();
    }

    private static int plainRun(String raw, int from) {
        int i = from;
        while (i < raw.length() && isPlain(raw.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isMarkAt(String raw, int i) {
        return raw.charAt(i) >= 0x300 && CharFolding.isMark(raw.codePointAt(i));
    }

    /** ASCII that needs no work: printable, tab, newline, carriage return; not '&'. */
    private static boolean isPlain(char c) {
        return c < 0x7F && c != '&' && (c >= 0x20 || c == '\n' || c == '\t' || c == '\r');
    }

    private static int skipMarks(String raw, int i) {
        while (i < raw.length() && isMarkAt(raw, i)) {
            i += Character.charCount(raw.codePointAt(i));
        }
        return i;
    }

    private static void appendFolded(CleanText.Builder b, int cp, int from, int to) {
        String f = CharFolding.fold(cp);
        if (f != CharFolding.KEEP) {
            b.append(f, from, to);
        } else if (cp < 0x10000) {
            b.append((char) cp, from, to);
        } else {
            b.append(Character.highSurrogate(cp), from, to);
            b.append(Character.lowSurrogate(cp), from, to);
        }
    }
}
