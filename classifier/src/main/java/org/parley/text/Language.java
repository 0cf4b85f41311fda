package org.parley.text;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.RemoveMinorityScriptsTextFilter;
import com.optimaize.langdetect.text.TextObjectFactory;
import com.optimaize.langdetect.text.TextObjectFactoryBuilder;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells a comment that is clearly not English, the only language the models read. Built on
 * optimaize's n-gram detector, which on its own calls much informal English something else
 * (tweets come out Haitian Creole, Afrikaans or, in capitals, German; a terse list of
 * Latin-derived words, "absurd, irresponsible, dangerous nonsense", French at probability 1.000).
 * So a text counts as foreign only when it is long enough and the detector is near certain, and,
 * in Latin script, when hardly any of its words are English function words and enough are
 * function words of the language detected (Lucene's stop-word lists; a language without one is
 * never refused). Short or doubtful texts count as English: scoring a foreign comment as English
 * is a weaker answer, refusing an English one is no answer. Thread-safe.
 */
public final class Language {
    /** What the detector found: an ISO 639-1 code and its probability. */
    public record Guess(String language, double probability) {}

    static final double MIN_PROBABILITY = 0.999;
    static final int MIN_LETTERS = 40;
    static final int MIN_WORDS = 5;
    /** English text, even a tweet, has far more of these; foreign text shares a few ("a", "in"). */
    static final double MAX_ENGLISH_WORDS = 0.10;
    /** A sentence in a language has its function words ("le", "der", "de"); a list of nouns has none. */
    static final double MIN_OWN_FUNCTION_WORDS = 0.10;
    /**
     * The looser test of {@link #likelyForeign}. On the toxicity dev split (19,066 English-labelled
     * comments) it holds 17, against {@link #foreign}'s 12, all but one in another language (Dutch,
     * Spanish, German, Hindi…, and the title "Mein Kampf"; the one: "Posted by u/krobinson_3232",
     * Czech); with 2 words it also held "Pittsburgh, PA" (Latvian "pa") and "r/ihadastroke", with a
     * share of 0.2 some 60, mostly slang tweets ("yo hoes").
     */
    static final int REVIEW_MIN_LETTERS = 12;
    static final int REVIEW_MIN_WORDS = 3;
    static final double REVIEW_OWN_FUNCTION_WORDS = 0.4;
    /** The Latin-script languages whose function words confirm the detector (its codes → Lucene's lists). */
    private static final Map<String, CharArraySet> FUNCTION_WORDS = Map.ofEntries(
            Map.entry("ca", CatalanAnalyzer.getDefaultStopSet()), Map.entry("cs", CzechAnalyzer.getDefaultStopSet()),
            Map.entry("da", DanishAnalyzer.getDefaultStopSet()), Map.entry("de", GermanAnalyzer.getDefaultStopSet()),
            Map.entry("es", SpanishAnalyzer.getDefaultStopSet()), Map.entry("et", EstonianAnalyzer.getDefaultStopSet()),
            Map.entry("eu", BasqueAnalyzer.getDefaultStopSet()), Map.entry("fi", FinnishAnalyzer.getDefaultStopSet()),
            Map.entry("fr", FrenchAnalyzer.getDefaultStopSet()), Map.entry("ga", IrishAnalyzer.getDefaultStopSet()),
            Map.entry("gl", GalicianAnalyzer.getDefaultStopSet()), Map.entry("hu", HungarianAnalyzer.getDefaultStopSet()),
            Map.entry("id", IndonesianAnalyzer.getDefaultStopSet()), Map.entry("it", ItalianAnalyzer.getDefaultStopSet()),
            Map.entry("lt", LithuanianAnalyzer.getDefaultStopSet()), Map.entry("lv", LatvianAnalyzer.getDefaultStopSet()),
            Map.entry("nl", DutchAnalyzer.getDefaultStopSet()), Map.entry("no", NorwegianAnalyzer.getDefaultStopSet()),
            Map.entry("pt", PortugueseAnalyzer.getDefaultStopSet()), Map.entry("ro", RomanianAnalyzer.getDefaultStopSet()),
            Map.entry("sv", SwedishAnalyzer.getDefaultStopSet()), Map.entry("tr", TurkishAnalyzer.getDefaultStopSet()));
    /** A CharArraySet: {@link #plainlyEnglish} looks a word up in its StringBuilder, with no String made per word. */
    private static final CharArraySet ENGLISH_WORDS = CharArraySet.unmodifiableSet(new CharArraySet(List.of(
            "the", "a", "an", "and", "or", "but", "of", "to", "in",
            "on", "at", "for", "with", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
            "those", "i", "you", "he", "she", "we", "they", "me", "him", "her", "us", "them", "my", "your", "his", "our",
            "their", "not", "no", "do", "does", "did", "have", "has", "had", "will", "would", "can", "could", "should",
            "what", "who", "how", "why", "when", "where", "if", "so", "as", "from", "by", "about", "just", "like", "all",
            "there", "here", "out", "up", "get", "dont", "im"), false));
    /**
     * Links, Twitter handles, hashtags, retweet marks and HTML entities are no language's words. "RT" stands alone
     * between what {@code \b} calls word characters, asked of the one character on each side: Java's {@code \b}
     * reads back over every combining mark to the letter it sits on, at each position, so a letter followed by 20,479
     * marks took n² steps, 3.4 s of a core for one 20,480-character comment (a second penetration test, twenty-eighth session).
     */
    private static final String WORD_CHAR = "[\\p{L}\\p{Nd}\\p{M}_]";
    private static final Pattern NOISE = Pattern.compile("https?://\\S+|www\\.\\S+|&#?\\w+;|[@#]\\w+|(?<!" + WORD_CHAR + ")RT(?!"
            + WORD_CHAR + ")");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}]+");

    private final LanguageDetector detector;
    private final TextObjectFactory texts;

    private Language(LanguageDetector detector) {
        this.detector = detector;
        this.texts = new TextObjectFactoryBuilder().maxTextLength(2_000)
                .withTextFilter(RemoveMinorityScriptsTextFilter.forThreshold(0.3))
                .build();
    }

    /** The detector with the 70 built-in language profiles; takes about a second. */
    public static Language standard() {
        try {
            return new Language(LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build());
        } catch (IOException e) {
            throw new UncheckedIOException("language profiles missing from the classpath", e);
        }
    }

    /** The detector's most likely language for the text, if it names one. */
    public Optional<Guess> guess(String text) {
        return detect(clean(text));
    }

    /** As {@link #guess}, for a text already {@link #clean}ed. */
    private Optional<Guess> detect(String clean) {
        List<DetectedLanguage> found = detector.getProbabilities(texts.forText(clean));
        if (found.isEmpty()) return Optional.empty();
        DetectedLanguage best = found.get(0);
        return Optional.of(new Guess(best.getLocale().getLanguage(), best.getProbability()));
    }

    /**
     * One of each run of the same word, compared without case or punctuation. A loop, not a regex
     * with a repeated group: Java matches such a group recursively, and 10,000 repeats overflowed
     * the stack.
     */
    private static String withoutRepeats(String text) {
        StringBuilder out = new StringBuilder(text.length());
        String previous = "";
        for (String word : SPACES.split(text.strip())) {
            String key = NON_LETTERS.matcher(word).replaceAll("").toLowerCase(Locale.ROOT);
            if (!key.isEmpty() && key.equals(previous)) continue;
            previous = key;
            if (!out.isEmpty()) out.append(' ');
            out.append(word);
        }
        return out.toString();
    }

    /**
     * The language of a text that is clearly not English (see the class comment); empty for all else.
     * What this names, {@link #likelyForeign} names the same (its gates are looser, its sure test this
     * one), so a caller that needs both asks this only when that found something.
     */
    public Optional<Guess> foreign(String text) {
        return foreign(text, MIN_LETTERS, MIN_WORDS, 0);
    }

    /**
     * Looser than {@link #foreign}, for holding a comment for a moderator rather than refusing it: a
     * short text will do, and where the detector wavers between neighbours (Spanish insults read as
     * Asturian at 0.88), a text of which at least {@link #REVIEW_OWN_FUNCTION_WORDS} are one
     * language's function words, under a tenth English ones (not counting those the language shares
     * when the detector names it), and which the detector does not call English, is taken to be in
     * that language. Its probability is the detector's for that language, 0 when it did not list it.
     */
    public Optional<Guess> likelyForeign(String text) {
        return foreign(text, REVIEW_MIN_LETTERS, REVIEW_MIN_WORDS, REVIEW_OWN_FUNCTION_WORDS);
    }

    private Optional<Guess> foreign(String text, int minLetters, int minWords, double ownShare) {
        if (plainlyEnglish(text)) return Optional.empty();
        String clean = clean(text);
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < clean.length(); ) {
            int c = clean.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) continue;
            letters++;
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) latin++;
        }
        if (letters < minLetters) return Optional.empty();
        // Another script (Cyrillic, Devanagari, Hebrew…) is no English the detector could misread.
        if (latin * 2 < letters) return confident(clean);
        List<String> words = NON_LETTERS.splitAsStream(clean.toLowerCase(Locale.ROOT).replace("'", ""))
                .filter(w -> !w.isEmpty()).toList();
        if (words.size() < minWords) return Optional.empty();
        long english = words.stream().filter(ENGLISH_WORDS::contains).count();
        boolean fewEnglish = english < MAX_ENGLISH_WORDS * words.size();
        // The function words' test needs one language's at ownShare: without, the detector is spared
        // for all but the sure test (most comments that reach here are English with few function words).
        boolean ownEnough = ownShare > 0 && FUNCTION_WORDS.values().stream()
                .anyMatch(set -> count(words, set) >= ownShare * words.size());
        if (!fewEnglish && !ownEnough) return Optional.empty();
        // One detection serves both tests: the sure one, and the function words' where it wavers.
        List<DetectedLanguage> found = detector.getProbabilities(texts.forText(clean));
        String top = found.isEmpty() ? "" : found.get(0).getLocale().getLanguage();
        if (top.equals("en")) return Optional.empty();
        if (fewEnglish && FUNCTION_WORDS.containsKey(top) && found.get(0).getProbability() >= MIN_PROBABILITY
                && count(words, FUNCTION_WORDS.get(top)) >= MIN_OWN_FUNCTION_WORDS * words.size())
            return Optional.of(new Guess(top, found.get(0).getProbability()));
        if (!ownEnough) return Optional.empty();
        // The detector's language if enough words are its function words, else the language with the most.
        String language = FUNCTION_WORDS.containsKey(top) && count(words, FUNCTION_WORDS.get(top)) >= ownShare * words.size() ? top
                : FUNCTION_WORDS.keySet().stream().max(Comparator.comparingLong(l -> count(words, FUNCTION_WORDS.get(l)))).orElseThrow();
        CharArraySet own = FUNCTION_WORDS.get(language);
        if (count(words, own) < ownShare * words.size()) return Optional.empty();
        // English words the language shares ("a" in Spanish, "in" in Dutch) count against it only
        // when the detector names another language: tweets of "u", "i", "a" were read as Estonian.
        long against = language.equals(top) ? words.stream().filter(w -> ENGLISH_WORDS.contains(w) && !own.contains(w)).count() : english;
        if (against >= MAX_ENGLISH_WORDS * words.size()) return Optional.empty();
        double p = found.stream().filter(d -> d.getLocale().getLanguage().equals(language))
                .mapToDouble(DetectedLanguage::getProbability).findFirst().orElse(0);
        return Optional.of(new Guess(language, p));
    }

    private static long count(List<String> words, CharArraySet set) {
        return words.stream().filter(set::contains).count();
    }

    /**
     * A quarter of the words or more are English function words, counted on the raw text in one pass:
     * most comments are English, and this spares them the cleaning's regular expressions (about half
     * the cost of a verdict). Links and handles only add words, so they can hide English, not fake it.
     */
    static boolean plainlyEnglish(String text) {
        int words = 0;
        int english = 0;
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                word.append(Character.toLowerCase(c));
            } else if (c != '\'' && !word.isEmpty()) {
                words++;
                if (ENGLISH_WORDS.contains(word)) english++;
                word.setLength(0);
            }
        }
        return words >= MIN_WORDS && english * 4 >= words;
    }

    /** The detector's language for a cleaned text, when it is not English and the detector is near certain of it. */
    private Optional<Guess> confident(String clean) {
        return detect(clean).filter(g -> !g.language().equals("en") && g.probability() >= MIN_PROBABILITY);
    }

    /**
     * Without the noise above, a word said again and again ("BOOBS, BOOBS, …") once, and lower-cased
     * when shouted: the profiles read capitals as German.
     */
    static String clean(String text) {
        String t = withoutRepeats(withoutNoise(text));
        long letters = t.codePoints().filter(Character::isLetter).count();
        long upper = t.codePoints().filter(Character::isUpperCase).count();
        return upper * 2 > letters ? t.toLowerCase(Locale.ROOT) : t;
    }

    /** The text without {@link #NOISE}; a CharSequence, so that a test can count the characters the pattern reads. */
    static String withoutNoise(CharSequence text) {
        return NOISE.matcher(text).replaceAll(" ");
    }
}
