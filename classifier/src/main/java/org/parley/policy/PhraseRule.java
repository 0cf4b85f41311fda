package org.parley.policy;

import org.parley.text.Homoglyphs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's word list, as news-comment tools keep "suspect" and "banned" words: a comment holding one
 * of the phrases gets the action, as if a band had fired. It reads the text, not the scores, so it
 * catches what the model misses for want of labels (explicit threats against a person) and says
 * which phrase it saw. A phrase matches whole words, in any case, within one clause ("rape, you"
 * is not "rape you"), with apostrophes dropped on both sides ("I'll" reads "ill"), and accents and
 * characters nobody sees too ("wätch your b\u200Back" reads "watch your back").
 */
public record PhraseRule(String name, List<String> phrases, Action action) {
    public static final int MAX_PHRASES = 10_000, MAX_PHRASE_LENGTH = 200;
    /** The word that stands between two clauses in {@link #normalise}. */
    static final String CLAUSE = "|";

    public PhraseRule {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a phrase rule needs a name");
        if (action == null) throw new IllegalArgumentException("phrase rule '" + name + "' needs an action");
        if (phrases == null || phrases.isEmpty() || phrases.size() > MAX_PHRASES)
            throw new IllegalArgumentException("phrase rule '" + name + "' needs 1 to " + MAX_PHRASES + " phrases");
        List<String> normalised = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            String n = p == null || p.length() > MAX_PHRASE_LENGTH ? "" : normalise(p).strip();
            if (n.isEmpty() || n.contains(CLAUSE))
                throw new IllegalArgumentException("phrase rule '" + name + "': each phrase is 1 to " + MAX_PHRASE_LENGTH
                        + " characters of words within one clause (was '" + p + "')");
            normalised.add(n);
        }
        phrases = List.copyOf(normalised);
    }

    /**
     * The text as phrases are matched against it: " word word | word ", lower-case, words separated
     * by one space, apostrophes, accents and unseen characters dropped, {@link #CLAUSE} between clauses. One pass over the characters
     * (three regular expressions took 25–50 µs a comment, a large share of scoring's).
     */
    static String normalise(String text) {
        String s = text;
        for (int i = 0; i < s.length(); i++)
            if (compatibilityForm(s.charAt(i))) {  // full-width letters, ligatures, maths letters: as plain ones
                s = Normalizer.normalize(s, Normalizer.Form.NFKC);
                break;
            }
        StringBuilder out = new StringBuilder(s.length() + 2).append(' ');
        for (int i = 0; i < s.length(); ) {
            char ch = s.charAt(i);
            int c = ch < 0x80 ? ch : s.codePointAt(i);
            i += c < 0x10000 ? 1 : 2;
            if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c) && !isApostrophe(c)) {
                if (c < 0x80) out.append((char) (c >= 'A' && c <= 'Z' ? c | 0x20 : c));
                else out.appendCodePoint(unaccented(Character.toLowerCase(latin(c))));
            } else if (!isApostrophe(c) && !unseen(c)) {
                boolean clause = endsClause(c);
                int last = out.length() - 1;
                if (out.charAt(last) != ' ') out.append(' ');
                if (clause && last > 0 && !(out.charAt(out.length() - 2) == '|')) out.append("| ");
            }
        }
        if (out.charAt(out.length() - 1) != ' ') out.append(' ');
        return out.toString();
    }

    /** Characters NFKC turns into plain letters: only these pay for it, not every curly quote or emoji. */
    private static boolean compatibilityForm(char c) {
        return c >= '\uFB00' && c <= '\uFB4F' || c >= '\uFF00' && c <= '\uFFEF' || Character.isSurrogate(c)
                || c >= '\u2460' && c <= '\u24FF';  // ligatures, full-width forms, maths letters (𝐤𝐢𝐥𝐥), circled letters
    }

    /**
     * Characters a reader does not see as such, dropped so that they split no word: format characters
     * (soft hyphen, zero-width space and joiners: "b\u00ADack" reads "back", as the page marks them)
     * and combining marks ("ba\u0308ck" reads "back", like "bäck" in {@link #unaccented}).
     */
    private static boolean unseen(int c) {
        if (c < 0x80) return false;
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    /** Latin letters with accents as plain ones ("bäck" is "back"), from their canonical decompositions. */
    private static final char[] UNACCENTED = new char[0x250];
    static {
        for (char c = 0; c < UNACCENTED.length; c++) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            UNACCENTED[c] = d.charAt(0) < 0x80 && Character.isLetter(d.charAt(0)) ? d.charAt(0) : c;
        }
    }

    private static int unaccented(int c) {
        return c < UNACCENTED.length ? UNACCENTED[c] : c;
    }

    /**
     * A Cyrillic or Greek look-alike as the Latin letter it passes for ("wаtch" with Cyrillic а): a phrase
     * is English words, so reading every look-alike as Latin finds the disguise and makes no English
     * phrase out of Russian or Greek text.
     */
    private static int latin(int c) {
        char l = c < 0x10000 ? Homoglyphs.latin((char) c) : 0;
        return l != 0 ? l : c;
    }

    private static boolean isApostrophe(int c) {
        // U+02BC is a letter to Unicode, so would join "Iʼm" into one word "iʼm"; U+2032 is the prime
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`' || c == '\u00B4' || c == '\u02BC' || c == '\u2032';
    }

    private static boolean endsClause(int c) {
        return switch (c) {
            case '.', ',', '!', '?', ';', ':', '(', ')', '[', ']', '{', '}', '"', '|', '\u201C', '\u201D', '\u2026' -> true;
            default -> false;
        };
    }

    /** The shipped list of threats against a person (resource {@code threat-phrases.txt}), sent to REVIEW. */
    public static PhraseRule threats() {
        return new PhraseRule("threats", threatPhrases(), Action.REVIEW);
    }

    /** The lines of {@code threat-phrases.txt} that are neither blank nor comments. */
    public static List<String> threatPhrases() {
        try (InputStream in = PhraseRule.class.getResourceAsStream("threat-phrases.txt")) {
            if (in == null) throw new IllegalStateException("threat-phrases.txt is missing from the classpath");
            List<String> out = new ArrayList<>();
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList())
                if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
