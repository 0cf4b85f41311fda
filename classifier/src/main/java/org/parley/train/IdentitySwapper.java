package org.parley.train;

import org.parley.corpus.Corpora;
import org.parley.corpus.Example;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counterfactual copies of labelled training rows with one identity swapped for another, labels
 * kept (Park et al. 2018; Dixon et al. 2018): "Muslims are vermin" → "Christians are vermin" is as
 * much an identity attack, "my gay neighbour" → "my Hindu neighbour" as harmless. Toxic and
 * not-toxic rows alike, so every identity is seen in the same mix of contexts: the model cannot
 * learn an identity word as toxic because its corpora mention that group mostly in abuse, and
 * abuse of a group still scores as abuse (what adding only neutral mentions lost, see
 * {@link IdentityAugmenter}). Training split only; seeded and deterministic.
 */
public final class IdentitySwapper {
    /** Source name of the made examples. */
    public static final String SOURCE = "identity_swapped";

    /** Singular words that are both noun and adjective ("a Muslim", "a Muslim family"): any can replace any. */
    static final List<String> NOUN_OR_ADJECTIVE = List.of("Muslim", "Christian", "Hindu", "Sikh", "Buddhist",
            "Catholic", "atheist", "Asian", "Mexican", "Arab", "African", "Latino", "Hispanic", "gay", "lesbian",
            "bisexual", "homosexual", "immigrant", "refugee");

    /** Adjectives only ("a Jewish family", not "a Jewish"): replaced by any adjective. */
    static final List<String> ADJECTIVE = List.of("Jewish", "Black", "white", "trans", "transgender", "disabled");

    /** Plural nouns; adjective-only identities take "people" ("Jewish people"). */
    static final List<String> PLURAL = List.of("Muslims", "Christians", "Hindus", "Sikhs", "Buddhists", "Catholics",
            "atheists", "Asians", "Mexicans", "Arabs", "Africans", "Latinos", "Hispanics", "gays", "lesbians",
            "bisexuals", "homosexuals", "immigrants", "refugees", "Jews", "Jewish people", "Black people",
            "white people", "trans people", "disabled people");

    /**
     * Words with another common sense (colours, "disabled the bot"): they count only before a word
     * for people ("black men", "disabled people"; not "black hole").
     */
    private static final Set<String> AMBIGUOUS = Set.of("black", "white", "disabled");
    private static final Pattern PERSON_NOUN = Pattern.compile("\\s+(?:people|persons?|folks?|m[ae]n|wom[ae]n|guys?"
            + "|girls?|boys?|kids?|children|child|famil(?:y|ies)|communit(?:y|ies)|americans?|voters?|students?"
            + "|neighbou?rs?|friends?|lad(?:y|ies)|males?|females?|youths?|teens?|workers?|citizens?)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Each source word (lower case) and the words that can take its place. */
    private static final Map<String, List<String>> REPLACEMENTS = replacements();
    private static final Pattern WORD = Pattern.compile("\\b(?:" + String.join("|", REPLACEMENTS.keySet()) + ")\\b",
            Pattern.CASE_INSENSITIVE);

    private final long seed;

    public IdentitySwapper(long seed) {
        this.seed = seed;
    }

    private static Map<String, List<String>> replacements() {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        List<String> adjectives = new ArrayList<>(NOUN_OR_ADJECTIVE);
        adjectives.addAll(ADJECTIVE);
        for (String w : NOUN_OR_ADJECTIVE) out.put(lower(w), NOUN_OR_ADJECTIVE);
        for (String w : ADJECTIVE) out.put(lower(w), adjectives);
        out.put("jew", NOUN_OR_ADJECTIVE);
        for (String w : PLURAL) if (!w.contains(" ")) out.put(lower(w), PLURAL);
        out.put("blacks", PLURAL);
        out.put("whites", PLURAL);
        return out;
    }

    /**
     * At most {@code count} swapped copies of the rows of {@code train} that mention an identity;
     * a row serves again (with another identity) when there are fewer such rows than {@code count}.
     */
    public List<Example> swap(List<Example> train, int count) {
        return Counterfactuals.make(train, count, seed, SOURCE, IdentitySwapper::usable, IdentitySwapper::swapped);
    }

    /** A real comment (not made by this class or the augmenter, not a template) that mentions an identity. */
    static boolean usable(Example e) {
        return !e.source().equals(Corpora.IDENTITY_NEUTRAL) && !Counterfactuals.made(e) && !mentions(e.text()).isEmpty();
    }

    /** The identity words of a text, lower case, in order of first mention. */
    static Set<String> mentions(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) if (counts(text, m)) out.add(lower(m.group()));
        return out;
    }

    /**
     * The text with every mention of one of its identity words (chosen at random) replaced by
     * another identity of the same kind, the original's capitals kept ("MUSLIMS" → "HINDUS").
     */
    static String swapped(String text, Random random) {
        List<String> words = new ArrayList<>(mentions(text));
        String from = words.get(random.nextInt(words.size()));
        List<String> choices = REPLACEMENTS.get(from);
        String to;
        do to = choices.get(random.nextInt(choices.size())); while (lower(to).equals(from));
        StringBuilder sb = new StringBuilder(text.length() + 16);
        Matcher m = WORD.matcher(text);
        int at = 0;
        while (m.find()) {
            if (!lower(m.group()).equals(from) || !counts(text, m)) continue;
            sb.append(text, at, m.start()).append(cased(to, m.group()));
            at = m.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    private static boolean counts(String text, Matcher m) {
        if (!AMBIGUOUS.contains(lower(m.group()))) return true;
        Matcher next = PERSON_NOUN.matcher(text);
        return next.region(m.end(), text.length()).lookingAt();
    }

    /** The replacement in the case of the word it replaces: all capitals, a capital first, or its own. */
    static String cased(String replacement, String original) {
        boolean allCaps = original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT));
        if (allCaps) return replacement.toUpperCase(Locale.ROOT);
        if (Character.isUpperCase(original.charAt(0)))
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        return replacement;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
