package org.parley.policy;

import org.parley.text.CharFolding;
import org.parley.text.Homoglyphs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's word list, as news-comment tools keep "suspect" and "banned" words: a comment holding one
 * of the phrases gets the action, as if a band had fired. It reads the text, not the scores, so it
 * catches what the model misses for want of labels (explicit threats against a person) and says
 * which phrase it saw. A phrase matches whole words, in any case, within one clause ("rape, you"
 * is not "rape you"), with apostrophes dropped on both sides ("I'll" reads "ill"), and accents and
 * characters nobody sees too ("wätch your b\u200Back" reads "watch your back"). An occurrence inside
 * one of the {@code except} phrases does not count, as word filters keep allow-lists: "ill find you"
 * is a threat, "ill find you a link" is not.
 */
public record PhraseRule(String name, List<String> phrases, Action action, List<String> except) {
    public static final int MAX_PHRASES = 10_000, MAX_PHRASE_LENGTH = 200;
    /** The word that stands between two clauses in {@link #normalise}. */
    static final String CLAUSE = "|";

    public PhraseRule {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("a phrase rule needs a name");
        if (action == null) throw new IllegalArgumentException("phrase rule '" + name + "' needs an action");
        if (phrases == null || phrases.isEmpty() || phrases.size() > MAX_PHRASES)
            throw new IllegalArgumentException("phrase rule '" + name + "' needs 1 to " + MAX_PHRASES + " phrases");
        phrases = normalised(name, phrases, "phrase");
        except = normalised(name, except == null ? List.of() : except, "exception");
        for (String e : except)
            if (phrases.stream().noneMatch(p -> (" " + e + " ").contains(" " + p + " ")))
                throw new IllegalArgumentException("phrase rule '" + name + "': the exception '" + e + "' holds none of its phrases, so it excepts nothing");
    }

    /** Phrases as they are matched ({@link #normalise}), each checked to be words within one clause. */
    private static List<String> normalised(String name, List<String> phrases, String what) {
        List<String> out = new ArrayList<>(phrases.size());
        for (String p : phrases) {
            String n = p == null || p.length() > MAX_PHRASE_LENGTH ? "" : normalise(p).strip();
            if (n.isEmpty() || n.contains(CLAUSE))
                throw new IllegalArgumentException("phrase rule '" + name + "': each " + what + " is 1 to " + MAX_PHRASE_LENGTH
                        + " characters of words within one clause (was '" + p + "')");
            out.add(n);
        }
        return List.copyOf(out);
    }

    /** A rule without exceptions. */
    public PhraseRule(String name, List<String> phrases, Action action) {
        this(name, phrases, action, List.of());
    }

    /**
     * The text as phrases are matched against it: " word word | word ", lower-case, words separated
     * by one space, {@link #CLAUSE} between clauses. Characters are first folded as the text pipeline
     * folds them ({@link CharFolding}: full-width, ligature and maths letters as plain ones, accents,
     * combining marks and characters nobody sees dropped, curly apostrophes as plain ones); then
     * apostrophes are dropped and Cyrillic and Greek look-alikes read as Latin. One pass over the
     * characters (three regular expressions took 24–53 µs a comment, a large share of scoring's).
     */
    static String normalise(String text) {
        String s = CharFolding.isAscii(text) ? text : CharFolding.foldAll(text);
        StringBuilder out = new StringBuilder(s.length() + 2).append(' ');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c)) {
                if (c < 0x80) out.append((char) (c >= 'A' && c <= 'Z' ? c | 0x20 : c));
                else out.appendCodePoint(Character.toLowerCase(latin(c)));
            } else if (c != '\'' && c != '`') {  // "I'll" reads "ill"
                boolean clause = endsClause(c);
                int last = out.length() - 1;
                if (out.charAt(last) != ' ') out.append(' ');
                if (clause && last > 0 && !(out.charAt(out.length() - 2) == '|')) out.append("| ");
            }
        }
        if (out.charAt(out.length() - 1) != ' ') out.append(' ');
        return out.toString();
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

    private static boolean endsClause(int c) {
        return switch (c) {
            case '.', ',', '!', '?', ';', ':', '(', ')', '[', ']', '{', '}', '"', '|', '\u201C', '\u201D', '\u2026' -> true;
            default -> false;
        };
    }

    /**
     * The shipped list of threats against a person (resource {@code threat-phrases.txt}), sent to REVIEW:
     * its lines that are neither blank nor comments, those that start with "except " its exceptions.
     */
    public static PhraseRule threats() {
        List<String> phrases = new ArrayList<>(), except = new ArrayList<>();
        try (InputStream in = PhraseRule.class.getResourceAsStream("threat-phrases.txt")) {
            if (in == null) throw new IllegalStateException("threat-phrases.txt is missing from the classpath");
            for (String line : new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.startsWith(EXCEPT)) except.add(line.substring(EXCEPT.length()).strip());
                else phrases.add(line.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PhraseRule("threats", phrases, Action.REVIEW, except);
    }

    private static final String EXCEPT = "except ";
}
