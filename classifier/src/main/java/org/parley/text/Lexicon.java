package org.parley.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A compact lexicon of profanity and insult stems (with suffixes and a few spelling variants)
 * and the pattern matcher that resolves obfuscated tokens against it. In a candidate, letters
 * must match; a leet char matches the letter it stands for ({@code 0→o, 1→i/l, 3→e, 4→a, 5→s,
 * 7→t, @→a/o, $→s, !→i/l}); a masking char ({@code * # _ % - . ? @ $ ! | +}) matches any letter
 * except the first ("****ing" stays unresolved). Digits never act as masks, so "b4" or "mp3" stay
 * what they are. At least two positions must be known, and masks may outnumber them by one at most.
 */
final class Lexicon {
    static final Lexicon STANDARD = load("obfuscation-lexicon.txt");

    /** At least this many positions must be real letters or exact leet. */
    private static final int MIN_KNOWN = 2;

    private final Map<String, String> forms;
    /** First three letters of every form: most words are rejected before hashing. */
    private final boolean[] prefixes = new boolean[26 * 26 * 26];
    private final int minLength;
    /** Form indexes (file order) by length and first letter: {@code [length][letter - 'a']}. */
    private final int[][][] index;
    private final String[] formList;
    private final String[] outputs;
    private final int maxLength;
    /** Spellings of {@link #MIN_MISSPELT} letters or more one evasive edit from a form → its output ({@link #misspelt}). */
    private final Map<String, String> misspellings = new HashMap<>();
    private final boolean[] misspeltPrefixes = new boolean[26 * 26 * 26];
    static final int MIN_MISSPELT = 4;

    /** @param forms form → canonical output, in file order (the matcher's tie-break) */
    Lexicon(Map<String, String> forms) {
        this.forms = new HashMap<>(forms);
        formList = forms.keySet().toArray(String[]::new);
        outputs = forms.values().toArray(String[]::new);
        int max = 0;
        int min = Integer.MAX_VALUE;
        for (String f : formList) {
            max = Math.max(max, f.length());
            min = Math.min(min, f.length());
            prefixes[prefix(f)] = true;
        }
        maxLength = max;
        minLength = min;
        for (int k = 0; k < formList.length; k++) {
            if (formList[k].length() < MIN_MISSPELT) {
                continue;
            }
            for (String spelling : evasions(formList[k])) {
                if (spelling.length() >= MIN_MISSPELT && !this.forms.containsKey(spelling)
                        && misspellings.putIfAbsent(spelling, outputs[k]) == null) {
                    misspeltPrefixes[prefix(spelling)] = true;
                }
            }
        }
        index = new int[max + 1][26][];
        for (int length = 0; length <= max; length++) {
            for (int letter = 0; letter < 26; letter++) {
                final int l = length;
                final char first = (char) ('a' + letter);
                index[length][letter] = IntStream.range(0, formList.length)
                        .filter(k -> formList[k].length() == l && formList[k].charAt(0) == first).toArray();
            }
        }
    }

    int maxLength() {
        return maxLength;
    }

    /** The canonical form of a plain lower-case word ("fuk" → "fuck"), or null. */
    String exact(String word) {
        int len = word.length();
        if (len < minLength || len > maxLength) {
            return null;
        }
        int p = prefix(word);
        return p >= 0 && prefixes[p] ? forms.get(word) : null;
    }

    /**
     * The canonical form of a lower-case word split by one or two separators put in between its
     * letters ("id-iot", "mor.on", "stu_pi.d" → idiot, moron, stupid), or null. Unlike
     * {@link #match}, where a mask stands for a letter, here the separators are extra chars.
     * Separators neither start nor end the word nor follow each other, so "covid-19", "-ing" or
     * "f--k" are no candidates.
     */
    String acrossSeparators(CharSequence s) {
        int len = s.length();
        if (len < minLength + 1 || len > maxLength + 2) {
            return null;
        }
        StringBuilder letters = new StringBuilder(len);
        boolean afterLetter = false;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
                afterLetter = true;
            } else if (isSeparator(c) && afterLetter && i < len - 1) {
                afterLetter = false;
            } else {
                return null;
            }
        }
        int separators = len - letters.length();
        return separators >= 1 && separators <= 2 ? exact(letters.toString()) : null;
    }

    private static boolean isSeparator(char c) {
        return c == '-' || c == '.' || c == '_';
    }

    /**
     * The canonical form of the word a plain lower-case spelling stands for by one edit evasion makes, first letter
     * kept, or null: a letter dropped ("idot", "bith"), one doubled ("iddiot", "bitchh") or two swapped ("btich",
     * "siht"), of 4 letters or more ("sit" is no "shit"); where two forms fit, the earlier line. Not a letter changed, nor one
     * added other than a double: those turn real words into insults ("raked" raped, "cramp" crap), as do these edits
     * now and then ("carp" crap, "disk" dicks), so a caller asks only about words nobody writes ({@link Speller}).
     */
    String misspelt(String s) {
        if (s.length() < MIN_MISSPELT || s.length() > maxLength + 1) {
            return null;
        }
        int p = prefix(s);
        return p >= 0 && misspeltPrefixes[p] ? misspellings.get(s) : null;
    }

    /** The spellings one evasive edit from {@code form} ({@link #misspelt}). */
    static List<String> evasions(String form) {
        List<String> out = new ArrayList<>(3 * form.length());
        for (int i = 1; i < form.length(); i++) {
            out.add(form.substring(0, i) + form.substring(i + 1));                                     // dropped
            if (i + 1 < form.length()) {
                out.add(form.substring(0, i) + form.charAt(i + 1) + form.charAt(i) + form.substring(i + 2)); // swapped
            }
        }
        for (int i = 1; i <= form.length(); i++) {
            out.add(form.substring(0, i) + form.charAt(i - 1) + form.substring(i));                    // doubled
        }
        return out;
    }

    /** Whether some form stands in the lower-case word {@code s}, whole or inside it ("anidiot", "ofshit"). */
    boolean inside(String s) {
        for (int i = 0; i + minLength <= s.length(); i++) {
            int p = prefix(s, i);
            if (p < 0 || !prefixes[p]) {
                continue;
            }
            for (int end = i + minLength; end <= Math.min(s.length(), i + maxLength); end++) {
                if (forms.containsKey(s.substring(i, end))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Index of the first three chars in {@link #prefixes}, or -1 if they are not all a-z. */
    private static int prefix(String s) {
        return prefix(s, 0);
    }

    private static int prefix(String s, int from) {
        int index = 0;
        for (int i = from; i < from + 3; i++) {
            int letter = s.charAt(i) - 'a';
            if (letter < 0 || letter >= 26) {
                return -1;
            }
            index = index * 26 + letter;
        }
        return index;
    }

    /**
     * Resolves a lower-case candidate with leet and masking chars ("f*ck", "a$$", "5hit"),
     * or returns null. Among fitting forms the one needing fewest masks wins, then file order.
     */
    String match(CharSequence s) {
        int len = s.length();
        if (len < 3 || len > maxLength || !plausible(s)) {
            return null;
        }
        // the first position must be a letter or exact leet, so only forms starting with it can fit
        char first = s.charAt(0);
        int best = -1;
        int bestWild = Integer.MAX_VALUE;
        for (char letter : firstLetters(first)) {
            for (int k : index[len][letter - 'a']) {
                int wild = wildcards(s, formList[k]);
                if (wild >= 0 && (wild < bestWild || (wild == bestWild && k < best))) {
                    best = k;
                    bestWild = wild;
                }
            }
        }
        return best < 0 ? null : outputs[best];
    }

    private static final char[] NONE = {};
    private static final char[] I_OR_L = {'i', 'l'};
    private static final char[] A_OR_O = {'a', 'o'};
    private static final char[][] LETTERS = IntStream.rangeClosed('a', 'z')
            .mapToObj(c -> new char[] {(char) c}).toArray(char[][]::new);

    /** The letters a candidate's first char can stand for. */
    private static char[] firstLetters(char c) {
        char l = c >= 'a' && c <= 'z' ? c : leet(c);
        if (l == 0) {
            return NONE;
        }
        if (c == '@') {
            return A_OR_O;
        }
        return l == 'i' && c != 'i' ? I_OR_L : LETTERS[l - 'a'];
    }

    /** Only letters, leet and masking chars, one letter at least, and no sentence punctuation at the ends. */
    private static boolean plausible(CharSequence s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letter = true;
            } else if (!isMask(c) && leet(c) == 0) {
                return false;
            }
        }
        char first = s.charAt(0);
        char last = s.charAt(s.length() - 1);
        return letter && ".-?!".indexOf(first) < 0 && ".-?!".indexOf(last) < 0;
    }

    /** Number of masked positions if {@code s} fits {@code form}, else -1. */
    private static int wildcards(CharSequence s, String form) {
        int known = 0;
        int wild = 0;
        for (int i = 0; i < form.length(); i++) {
            char c = s.charAt(i);
            char t = form.charAt(i);
            if (c == t || leetMatches(c, t)) {
                known++;
            } else if (isMask(c) && i > 0) { // masked words keep their first letter: "f*ck", "s**t"
                wild++;
            } else {
                return -1;
            }
        }
        return known >= MIN_KNOWN && wild <= known + 1 ? wild : -1;
    }

    static boolean isMask(char c) {
        switch (c) {
            case '*': case '#': case '_': case '%': case '-': case '.': case '?':
            case '@': case '$': case '!': case '|': case '+':
                return true;
            default:
                return false;
        }
    }

    /** The one letter a leet char most often stands for, or 0. */
    static char leet(char c) {
        switch (c) {
            case '0': return 'o';
            case '1': case '!': case '|': return 'i';
            case '3': return 'e';
            case '4': case '@': return 'a';
            case '5': case '$': return 's';
            case '7': case '+': return 't';
            case '8': return 'b';
            case '9': return 'g';
            default: return 0;
        }
    }

    private static boolean leetMatches(char c, char letter) {
        char l = leet(c);
        if (l == letter) {
            return true;
        }
        return (l == 'i' && letter == 'l') || (c == '@' && letter == 'o');
    }

    static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("lexicon resource not found: org/parley/text/" + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList(), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    /** Parses "canonical +suffix ... = variant ..." lines; see the resource file. */
    static Lexicon parse(List<String> lines, String source) {
        Map<String, String> forms = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            List<String> suffixes = new ArrayList<>(List.of(""));
            List<String> bases = new ArrayList<>(List.of(words[0]));
            boolean variants = false;
            for (int i = 1; i < words.length; i++) {
                String w = words[i];
                if (w.equals("=")) {
                    variants = true;
                } else if (variants) {
                    bases.add(w);
                } else if (w.startsWith("+") && w.length() > 1) {
                    suffixes.add(w.substring(1));
                } else {
                    throw new IllegalArgumentException(source + " line " + (n + 1)
                            + ": expected +suffix or '=' but found '" + w + "'");
                }
            }
            for (String base : bases) {
                for (String suffix : suffixes) {
                    String form = base + suffix;
                    if (form.length() < 3 || !form.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                        throw new IllegalArgumentException(source + " line " + (n + 1)
                                + ": forms must be 3 or more lower-case letters a-z but found '" + form + "'");
                    }
                    forms.putIfAbsent(form, words[0] + suffix);
                }
            }
        }
        return new Lexicon(forms);
    }
}
