package org.parley.train;

import org.parley.corpus.Example;
import org.parley.corpus.GoldSpans;
import org.parley.label.Attribute;
import org.parley.label.Labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Made training rows of one to three words. The corpora hold almost no text that short (164 of the dev split's
 * 16,289 TOXICITY-labelled comments have one word), and the pooled network read a word alone erratically: "Fuck"
 * 0.048 and "Islam." 0.831 (docs/known-gaps.md, "One-word comments"). Half are toxic: phrases human raters marked
 * in SemEval-2021's toxic spans (the span models' training posts, {@code corpus.GoldSpans}), TOXICITY 1 and the
 * other attributes unlabelled, as the spans are untyped; each holds a word raters marked most times they read it
 * ({@link #markedRates}). Half are not: as many consecutive words of a training comment labelled clean on every
 * attribute it has (not of a hate-speech corpus, whose clean rows are often hostile), all six 0, none such a word;
 * one in {@link #IDENTITY_SHARE} of them is an identity word alone ("Hindus", "Jews"), which no toxic row holds: the
 * hate-speech corpora taught the network identity words as attacks, and rows of some identities did not carry over
 * to others (docs/experiments.md, "Short texts"), so every identity of {@link IdentitySwapper}'s lists has rows,
 * those of docs/one-word-comments.jsonl too. Each is written one of four ways: lower case, capitalised, or
 * capitalised with a full stop or "!". No other row holds a word of {@link #HELD_OUT}, so that the probe measures
 * insults and ordinary words the rows never show.
 * Seeded and deterministic.
 */
public final class ShortTexts {
    public static final String SOURCE = "short_texts";
    static final int MAX_WORDS = 3;
    /** A toxic phrase holds a word raters marked at least this share of the times it was written; a clean one none. */
    static final double MIN_RATE = 0.5;
    static final int MIN_SEEN = 3;
    /** One-word identities ({@link IdentitySwapper}'s), lower case: never in a toxic row. */
    static final Set<String> IDENTITIES = identities();
    static final int IDENTITY_SHARE = 10;
    /** The words of docs/one-word-comments.jsonl ({@code ShortTextsTest} holds the two together). */
    static final Set<String> HELD_OUT = Set.of(
            "idiot", "moron", "stupid", "loser", "fucking", "shit", "bitch", "asshole", "imbecile", "dumbass", "pathetic",
            "retard", "fuck", "bullshit", "crap", "scum", "douchebag",
            "thanks", "agreed", "interesting", "nonsense", "rubbish", "wrong", "true", "exactly", "sources", "cities",
            "loudspeakers", "weather",
            "islam", "muslims", "jews", "christians", "gay", "lesbian", "black", "immigrants", "women", "feminists");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*");

    private final long seed;

    public ShortTexts(long seed) {
        this.seed = seed;
    }

    /**
     * About {@code count} rows, half from the gold spans of {@code posts} and half from the clean rows of {@code train};
     * a source used up serves again, written anew.
     */
    public List<Example> make(List<Example> train, List<GoldSpans.Post> posts, int count) {
        if (count <= 0) return List.of();
        Random random = new Random(seed);
        Map<String, Double> rate = markedRates(posts);
        List<List<String>> toxic = new ArrayList<>();
        for (GoldSpans.Post post : posts)
            for (String p : post.phrases()) {
                List<String> words = words(p);
                if (!words.isEmpty() && words.size() <= MAX_WORDS && Collections.disjoint(words, HELD_OUT)
                        && Collections.disjoint(words, IDENTITIES)
                        && words.stream().anyMatch(w -> rate.getOrDefault(w, 0.0) >= MIN_RATE)) toxic.add(words);
            }
        List<Example> clean = new ArrayList<>();
        for (Example e : train)
            if (IdentityAugmenter.notToxic(e.labels()) && !IdentityAugmenter.HATE_SPEECH_CORPORA.contains(e.source())) clean.add(e);
        if (toxic.isEmpty() || clean.isEmpty()) return List.of();
        Collections.shuffle(toxic, random);
        Collections.shuffle(clean, random);

        List<Example> out = new ArrayList<>(count);
        Labels toxicLabels = Labels.of(Map.of(Attribute.TOXICITY, 1.0));
        Labels cleanLabels = Labels.of(allZero());
        for (int i = 0; i < count / 2; i++)
            out.add(new Example(SOURCE, "gold-span:" + i, written(toxic.get(i % toxic.size()), random), toxicLabels));
        // An identity alone is no attack: one clean row in IDENTITY_SHARE names one.
        List<String> identities = IDENTITIES.stream().sorted().toList();
        for (int i = 0; i < count / 2 / IDENTITY_SHARE; i++)
            out.add(new Example(SOURCE, "identity:" + i, written(List.of(identities.get(random.nextInt(identities.size()))), random), cleanLabels));
        // The other clean phrases as long as the toxic ones, so that length says nothing.
        for (int i = 0, tries = 0; out.size() < 2 * (count / 2) && tries < 20 * count; tries++) {
            Example e = clean.get(tries % clean.size());
            List<String> words = words(e.text());
            int n = toxic.get(random.nextInt(toxic.size())).size();
            if (words.size() < n) continue;
            int from = random.nextInt(words.size() - n + 1);
            List<String> pick = words.subList(from, from + n);
            if (pick.stream().anyMatch(w -> rate.getOrDefault(w, 0.0) >= MIN_RATE) || !Collections.disjoint(pick, HELD_OUT)) continue;
            out.add(new Example(SOURCE, e.source() + ":" + e.id() + ":" + i++, written(pick, random), cleanLabels));
        }
        return out;
    }

    /**
     * Each word's share of its occurrences in the posts that lie inside a gold span (most of its letters marked),
     * for words seen at least {@link #MIN_SEEN} times. Raters mark a word in context: "Liberals" or "shoot" inside
     * an attack, which alone attack nobody; a word marked most times it is written is toxic alone.
     */
    static Map<String, Double> markedRates(List<GoldSpans.Post> posts) {
        Map<String, int[]> counts = new HashMap<>();
        for (GoldSpans.Post post : posts) {
            Matcher m = WORD.matcher(post.text());
            while (m.find()) {
                int gold = post.gold().get(m.start(), m.end()).cardinality();
                int[] c = counts.computeIfAbsent(m.group().toLowerCase(Locale.ROOT), w -> new int[2]);
                c[0]++;
                if (2 * gold > m.end() - m.start()) c[1]++;
            }
        }
        Map<String, Double> out = new HashMap<>();
        counts.forEach((w, c) -> { if (c[0] >= MIN_SEEN) out.put(w, (double) c[1] / c[0]); });
        return out;
    }

    /** Lower-cased words: runs of letters, apostrophes inside. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) out.add(m.group().toLowerCase(Locale.ROOT));
        return out;
    }

    private static Set<String> identities() {
        Set<String> out = new HashSet<>();
        for (List<String> kind : List.of(IdentitySwapper.NOUN_OR_ADJECTIVE, IdentitySwapper.ADJECTIVE, IdentitySwapper.PLURAL))
            for (String w : kind) if (!w.contains(" ")) out.add(w.toLowerCase(Locale.ROOT));
        return Set.copyOf(out);
    }

    private static Map<Attribute, Double> allZero() {
        Map<Attribute, Double> m = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) m.put(a, 0.0);
        return m;
    }

    private static String written(List<String> words, Random random) {
        String s = String.join(" ", words);
        return switch (random.nextInt(4)) {
            case 0 -> s;
            case 1 -> capitalised(s);
            case 2 -> capitalised(s) + ".";
            default -> capitalised(s) + "!";
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
