package org.parley.train;

import org.parley.corpus.Corpora;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counterfactual training examples for identity mentions (Dixon et al. 2018; Garg et al. 2019).
 * Hate-speech corpora mention identities mostly in abuse, so the model learns the words as toxic;
 * templates did not fix that (the model learnt the template style). Instead this takes real
 * training comments labelled not toxic that mention a person or group ("my neighbours", "a woman",
 * "people") and puts an identity before the noun ("my Muslim neighbours", "a Black trans woman",
 * "gay people"), labels unchanged. Training split only: the caller passes train rows, never dev.
 * Seeded and deterministic: the same rows, count and seed give the same examples.
 */
public final class IdentityAugmenter {
    /** Source name of the made examples, so provenance and per-corpus counts show them apart. */
    public static final String SOURCE = "identity_augmented";

    /**
     * Hate-speech corpora whose "not hate" rows are often still hostile about a group ("these people
     * …"): with an identity put in they would teach that such statements are fine, so they are not used.
     */
    static final Set<String> HATE_SPEECH_CORPORA = Set.of("stormfront_hate_degibert", "implicit_hate",
            "gab_hate_corpus", "hatexplain_mbib", "davidson_hate_offensive", "hateval2019_en_tweeteval", "ethos",
            "hasoc_en", "trac1_aggression_en", "fox_news_comments");

    /** Longer comments would dilute the one identity mention, and make the sentence scores' style rarer. */
    static final int MAX_CHARS = 600;

    private static final Set<String> FEMALE = Set.of("woman", "women", "girl", "girls", "lady", "ladies",
            "mother", "mum", "mom", "wife", "daughter", "sister", "aunt");

    /**
     * Nouns an identity can stand before, singular or plural, with an optional determiner. A noun
     * after "these", "those", "all", "most" or "many" is never used: that generalises about a group,
     * and with an identity put in could become an attack the original label does not cover.
     */
    private static final Pattern NOUN = Pattern.compile(
            "\\b(?:(an?|the|my|our|his|her|their|your|this|that|some)\\s+)?"
                    + "(people|person|persons|folks|man|men|woman|women|guy|guys|girl|girls|boy|boys|lady|ladies"
                    + "|friend|friends|neighbou?r|neighbou?rs|family|families|couple|couples|kid|kids|child|children"
                    + "|parent|parents|student|students|teacher|teachers|doctor|doctors|nurse|nurses|colleague|colleagues"
                    + "|mother|mum|mom|father|dad|wife|husband|son|daughter|sister|brother|aunt|uncle|community|communities)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Identities put before the noun; "lesbian" only before female nouns. */
    static final List<String> IDENTITIES = List.of(
            "gay", "lesbian", "bisexual", "queer", "trans", "transgender", "Black", "white", "Asian", "Latino",
            "Hispanic", "Mexican", "Arab", "Indian", "Chinese", "African American", "Native American", "Muslim",
            "Jewish", "Christian", "Catholic", "Hindu", "Sikh", "Buddhist", "atheist", "immigrant", "refugee",
            "disabled", "deaf", "Black trans", "gay Muslim", "Black gay", "Jewish trans", "Muslim trans",
            "gay Black", "lesbian Muslim", "disabled gay", "Mexican immigrant");

    private static final Pattern PREVIOUS_WORD = Pattern.compile("(\\w+)\\s+$");
    private static final Set<String> GENERALISING = Set.of("these", "those", "all", "most", "many", "such");

    private final long seed;

    public IdentityAugmenter(long seed) {
        this.seed = seed;
    }

    /**
     * At most {@code count} new examples made from the not-toxic rows of {@code train} that name a
     * person or group; a row serves more than once (with other identities) when there are fewer
     * such rows than {@code count}.
     */
    public List<Example> augment(List<Example> train, int count) {
        return Counterfactuals.make(train, count, seed, SOURCE, IdentityAugmenter::usable, IdentityAugmenter::insert);
    }

    /** A real comment (not a template, not a hate-speech corpus), short enough, naming a person or group, not toxic. */
    static boolean usable(Example e) {
        return !HATE_SPEECH_CORPORA.contains(e.source()) && !e.source().equals(Corpora.IDENTITY_NEUTRAL)
                && e.text().length() <= MAX_CHARS && notToxic(e.labels()) && insertionPoints(e.text()) > 0;
    }

    /** TOXICITY labelled 0 and every other labelled attribute 0 too. */
    static boolean notToxic(Labels l) {
        if (!l.has(Attribute.TOXICITY)) return false;
        for (Attribute a : Attribute.values()) if (l.has(a) && l.get(a) != 0f) return false;
        return true;
    }

    static int insertionPoints(String text) {
        return matches(text).size();
    }

    /** The text with an identity before one of its person nouns, or null when it has none. */
    static String insert(String text, Random random) {
        List<NounMatch> matches = matches(text);
        if (matches.isEmpty()) return null;
        NounMatch hit = matches.get(random.nextInt(matches.size()));
        String noun = text.substring(hit.nounStart, hit.nounEnd);
        String identity = identityFor(noun.toLowerCase(Locale.ROOT), random);
        StringBuilder phrase = new StringBuilder();
        if (hit.determiner != null) phrase.append(determiner(hit.determiner, identity)).append(' ');
        phrase.append(identity).append(' ').append(noun);
        boolean capital = Character.isUpperCase(text.charAt(hit.start));
        if (capital) {
            // "People are…" → "Muslim people are…"; "My friend…" keeps its capital on "My".
            if (hit.determiner == null) phrase.replace(phrase.length() - noun.length(), phrase.length(), lowerFirst(noun));
            phrase.setCharAt(0, Character.toUpperCase(phrase.charAt(0)));
        }
        return text.substring(0, hit.start) + phrase + text.substring(hit.nounEnd);
    }

    private static List<NounMatch> matches(String text) {
        List<NounMatch> matches = new ArrayList<>();
        Matcher m = NOUN.matcher(text);
        while (m.find()) {
            if (!generalising(text, m.start())) matches.add(new NounMatch(m.start(), m.start(2), m.end(2), m.group(1)));
        }
        return matches;
    }

    /** True after "these", "those", "all", "most", "many" (the word just before the match). */
    private static boolean generalising(String text, int start) {
        Matcher before = PREVIOUS_WORD.matcher(text.substring(Math.max(0, start - 12), start));
        return before.find() && GENERALISING.contains(before.group(1).toLowerCase(Locale.ROOT));
    }

    private static String identityFor(String noun, Random random) {
        while (true) {
            String identity = IDENTITIES.get(random.nextInt(IDENTITIES.size()));
            if (!identity.contains("lesbian") || FEMALE.contains(noun)) return identity;
        }
    }

    /** "a"/"an" chosen for the word that now follows it, its capital kept; other determiners as they were. */
    static String determiner(String determiner, String next) {
        String lower = determiner.toLowerCase(Locale.ROOT);
        if (!lower.equals("a") && !lower.equals("an")) return determiner;
        String article = "aeiou".indexOf(Character.toLowerCase(next.charAt(0))) >= 0 ? "an" : "a";
        return Character.isUpperCase(determiner.charAt(0)) ? "A" + article.substring(1) : article;
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private record NounMatch(int start, int nounStart, int nounEnd, String determiner) {}
}
