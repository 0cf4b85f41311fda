package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.text.Language;

/**
 * Loads the real training-data/ once (a few seconds) and checks that every corpus yields the
 * number of examples its README row count leads to, then prints the counts table that
 * training-data/README.md carries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealCorporaTest {
    /** Examples per corpus; where it differs from the README's data rows, the comment says why. */
    private static final Map<String, Integer> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("jigsaw_toxic_partial", 2_868);
        EXPECTED.put("jigsaw_toxic_extra_samples", 2_038);          // 1,975 − 37 ids in partial + 100 IBM_MAX
        EXPECTED.put("jigsaw_toxic_annotator_sample", 2_366);
        EXPECTED.put("toxic_spans", 10_572);                        // 14,086 − 3,511 with < 2 span-marking raters − 3 all ties
        EXPECTED.put("socc_ctc", 1_117);
        EXPECTED.put("unhealthy_comments_corpus", 4_427);
        EXPECTED.put("fox_news_comments", 1_528);
        EXPECTED.put("davidson_hate_offensive", 24_782);
        EXPECTED.put("hatexplain_mbib", 17_294);
        EXPECTED.put("olid_offenseval2019", 13_233);
        EXPECTED.put("kaggle_insults_impermium", 3_891);
        EXPECTED.put("ruddit", 5_681);                              // 5,838 − 128 [deleted]/[removed]/empty − 29 at 0.5
        EXPECTED.put("hateval2019_en_tweeteval", 9_747);            // 8,755 + 1,000 − 8 blank
        EXPECTED.put("gab_hate_corpus", 21_999);
        EXPECTED.put("implicit_hate", 21_458);
        EXPECTED.put("trac1_aggression_en", 9_612);                 // 11,921 + 2,973 − 5,282 CAG
        EXPECTED.put("ethos", 997);                                 // 998 − 1 whose labels are all even splits
        EXPECTED.put("convabuse", 3_215);                           // train 2,408 + valid 807; the full file is not read
        EXPECTED.put("stormfront_hate_degibert", 10_187);           // 10,428 − 168 relation − 73 idk/skip
        EXPECTED.put("hasoc_en", 5_852);
        EXPECTED.put("cad_contextual_abuse", 17_968);               // 13,485 + 4,484 − 1 blank
        EXPECTED.put("political_incivility_tweets_theocharis", 4_000);
        EXPECTED.put("identity_neutral", 522);                      // 34 adjectives x 12 + 19 nouns x 6 templates
    }

    private final Map<String, List<Example>> corpora = new LinkedHashMap<>();
    private final List<Example> all = new ArrayList<>();
    /** All the corpora deduplicated: merged once for the two tests that read it (seconds of the class's time). */
    private Deduplicator.Result merged;
    private Path root;

    @BeforeAll
    void loadOnce() throws Exception {
        root = Corpora.defaultRoot();
        for (String name : Corpora.toxicityNames()) corpora.put(name, Corpora.load(root, name));
        corpora.values().forEach(all::addAll);
        merged = Deduplicator.merge(all);
    }

    @Test
    void everyCorpusYieldsItsExpectedCount() {
        assertEquals(EXPECTED.keySet(), corpora.keySet());
        Map<String, Integer> actual = new LinkedHashMap<>();
        corpora.forEach((name, ex) -> actual.put(name, ex.size()));
        assertEquals(EXPECTED, actual);
    }

    @Test
    void examplesHaveTextLabelsAndIdsUniqueWithinTheirSource() {
        corpora.forEach((name, examples) -> {
            Set<String> ids = new HashSet<>();
            for (Example e : examples) {
                assertEquals(name, e.source());
                assertFalse(e.text().isBlank(), name + " " + e.id());
                assertFalse(e.labels().isEmpty(), name + " " + e.id());
                assertTrue(ids.add(e.id()), name + ": duplicate id " + e.id());
            }
        });
    }

    @Test
    void deduplicatedDevSplitIsAboutTenPercentAndPrintsTheCounts() {
        assertTrue(merged.merged() > 0 && merged.merged() < all.size() / 20, "merged " + merged.merged());
        DevSplit.Split split = DevSplit.split(merged.examples());
        double dev = (double) split.dev().size() / merged.examples().size();
        assertTrue(Math.abs(dev - 0.10) < 0.005, "dev fraction " + dev);
        System.out.println(CorpusReport.render(corpora, merged, split));
    }

    @Test
    void hardlyAnyDevCommentIsTakenForForeign() {
        List<Example> dev = DevSplit.split(merged.examples()).dev();
        Language language = Language.standard();
        List<String> foreign = new ArrayList<>();
        for (Example e : dev) language.foreign(e.text()).ifPresent(g -> foreign.add(g.language() + " " + e.source() + " " + e.id()));
        // 12 of 19,070 when written, every one truly foreign (Dutch tweets, Russian on Wikipedia, Hindi
        // on Facebook, Hebrew, Spanish…); a list of names and a tweet of food words were refused before
        // the detected language's own function words were asked for.
        assertTrue(foreign.size() <= 16, foreign.size() + " of " + dev.size() + ": " + foreign);
        System.out.println(foreign.size() + " of " + dev.size() + " dev comments taken for foreign: " + foreign);
        // The looser test that holds a comment for review: 17 when written, all in another language but
        // "Posted by u/krobinson_3232"; an English comment held for it is a moderator's minute lost.
        List<String> held = new ArrayList<>();
        for (Example e : dev) language.likelyForeign(e.text()).ifPresent(g -> held.add(g.language() + " " + e.source() + " " + e.id()));
        assertTrue(held.size() <= 20, held.size() + " of " + dev.size() + ": " + held);
        System.out.println(held.size() + " of " + dev.size() + " dev comments held as likely foreign: " + held);
    }

    @Test
    void unlabelledTextsArePresent() throws Exception {
        List<String> texts = Corpora.unlabelledTexts(root);
        // 7,429 severity comments + 7,935 + 689 SemEval span posts, minus blanks and repeats
        assertEquals(16_026, texts.size());
        assertTrue(Files.isRegularFile(root.resolve("SOURCE-README.md")));
    }
}
