package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.Attribute;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class SpanStackerTest {
    private static final TextPipeline PIPELINE = TextPipeline.standard();

    /** Words, each with occlusion weight 0 and the given rate. */
    private static List<SpanExplainer.Word> words(List<Token> tokens, float... rates) {
        List<SpanExplainer.Word> out = new ArrayList<>();
        int k = 0;
        for (Token t : tokens) if (SpanExplainer.isWord(t)) out.add(new SpanExplainer.Word(new Span(t.begin(), t.end(), 0f), rates[k++]));
        return out;
    }

    @Test
    void aWordsRowReadsItsNeighboursAndTheCommentsBestWord() {
        List<Token> tokens = PIPELINE.tokenize("you , stupid idiot");
        float[] p = {0.1f, 0.5f, 0.5f, 0.9f}; // the comma is not a word: its probability is not read
        SpanStacker.Rows rows = SpanStacker.rows(tokens, p, words(tokens, 0f, 0.4f, 0.8f));
        assertEquals(List.of("you", "stupid", "idiot"), rows.tokens().stream().map(Token::original).toList());
        double[] stupid = rows.x()[1];
        assertEquals(SpanStacker.FEATURES.size(), stupid.length);
        assertEquals(0, stupid[0], 1e-9);                                  // logit 0.5
        assertEquals(0.4, stupid[2], 1e-6);                                // its rate
        assertEquals(Math.log(0.1 / 0.9), stupid[3], 1e-6);               // "you" before it, not the comma
        assertEquals(Math.log(0.9 / 0.1), stupid[4], 1e-5);               // "idiot" after it
        assertEquals(0.0, stupid[5], 1e-9);
        assertEquals(0.8, stupid[6], 1e-6);
        assertEquals(Math.log(0.9 / 0.1), stupid[7], 1e-5);               // the best word
        assertEquals(Math.log(3), stupid[8], 1e-9);
        assertEquals(0, stupid[9]);
        assertEquals(1, rows.x()[2][9]);                                   // "idiot" is the best
        assertEquals(0, stupid[15], 1e-9);                                 // second best: logit 0.5
        assertEquals(-8, rows.x()[0][3]);                                  // nothing before the first word
    }

    /**
     * Every feature of every word, against its definition computed here another way (sorting for the best two, a
     * stream for the mean), on random comments: tagger probabilities from a few values, so that ties and the clamp at
     * {@code 1e-5} come up; occlusion weights and rates, some words without any (read as 0), some comments with every
     * weight below 0 (the comment's best occlusion is then below 0 too).
     */
    @Test
    void eachFeatureIsWhatItsNameSaysOnRandomComments() {
        Random r = new Random(7);
        String[] vocabulary = {"you", "are", "a", "stupid", "idiot", ",", "!", "and", "IDIOT", "the"};
        float[] ps = {0.000001f, 0.1f, 0.3f, 0.5f, 0.9f, 0.99f};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 1 + r.nextInt(8); k++) text.append(k == 0 ? "" : " ").append(vocabulary[r.nextInt(vocabulary.length)]);
            List<Token> tokens = PIPELINE.tokenize(text.toString());
            float[] p = new float[tokens.size()];
            for (int t = 0; t < p.length; t++) p[t] = ps[r.nextInt(ps.length)];
            boolean allBelowZero = r.nextBoolean();
            List<SpanExplainer.Word> words = new ArrayList<>();
            java.util.Map<Integer, SpanExplainer.Word> byBegin = new java.util.HashMap<>();
            for (Token t : tokens) {
                if (!SpanExplainer.isWord(t) || r.nextInt(5) == 0) continue; // a word the explainer did not weigh
                float weight = allBelowZero ? -0.1f - 2 * r.nextFloat() : 4 * r.nextFloat() - 2;
                SpanExplainer.Word w = new SpanExplainer.Word(new Span(t.begin(), t.end(), weight), r.nextFloat());
                words.add(w);
                byBegin.put(t.begin(), w);
            }
            List<Token> ws = new ArrayList<>();
            List<Double> l = new ArrayList<>();
            for (int t = 0; t < tokens.size(); t++) {
                if (!SpanExplainer.isWord(tokens.get(t))) continue;
                ws.add(tokens.get(t));
                double q = Math.min(1 - 1e-5, Math.max(1e-5, p[t]));
                l.add(Math.log(q) - Math.log(1 - q));
            }
            SpanStacker.Rows rows = SpanStacker.rows(tokens, p, words);
            assertEquals(ws, rows.tokens(), text.toString());
            int n = ws.size();
            assertEquals(n, rows.x().length);
            List<Double> sorted = l.stream().sorted(java.util.Comparator.reverseOrder()).toList();
            double mean = l.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double maxOcclusion = ws.stream().mapToDouble(t -> byBegin.containsKey(t.begin()) ? byBegin.get(t.begin()).span().weight() : 0)
                    .max().orElse(0);
            for (int k = 0; k < n; k++) {
                SpanExplainer.Word w = byBegin.get(ws.get(k).begin());
                double o = w == null ? 0 : w.span().weight(), rate = w == null ? 0 : w.rate();
                double[] expected = {l.get(k), o, rate,
                        k > 0 ? l.get(k - 1) : -8, k + 1 < n ? l.get(k + 1) : -8,
                        k > 0 && byBegin.containsKey(ws.get(k - 1).begin()) ? byBegin.get(ws.get(k - 1).begin()).rate() : 0,
                        k + 1 < n && byBegin.containsKey(ws.get(k + 1).begin()) ? byBegin.get(ws.get(k + 1).begin()).rate() : 0,
                        sorted.get(0), Math.log(n), l.get(k).equals(sorted.get(0)) ? 1 : 0, mean, maxOcclusion,
                        l.get(k) - sorted.get(0), Math.max(o, 0), l.get(k) * rate, n > 1 ? sorted.get(1) : -8};
                for (int j = 0; j < expected.length; j++)
                    assertEquals(expected[j], rows.x()[k][j], 1e-6, SpanStacker.FEATURES.get(j) + " of word " + k + " in \"" + text + "\"");
            }
        }
    }

    /** A stacker whose log-odds are the tagger's own (one weight, on the first feature, standardised by nothing). */
    private static SpanStacker taggerAlone(double threshold, double fallback, boolean fillGaps) {
        int f = SpanStacker.FEATURES.size();
        double[] ones = new double[f], weights = new double[f];
        java.util.Arrays.fill(ones, 1);
        weights[0] = 1;
        return new SpanStacker(new double[f], ones, weights, 0, threshold, fallback, fillGaps, null);
    }

    private static final String SELECTED = "you are a stupid idiot";
    private static final List<Token> SELECTED_TOKENS = PIPELINE.tokenize(SELECTED);

    private static List<String> selected(SpanStacker s, float... p) {
        return s.select(SELECTED_TOKENS, p, List.of()).stream().map(x -> SELECTED.substring(x.begin(), x.end())).toList();
    }

    @Test
    void aWordIsASpanFromTheThresholdUpWeightedByItsLogOdds() {
        float[] p = {0.125f, 0.25f, 0.125f, 0.5f, 0.75f}; // exact in binary, so a word's log-odds can equal the threshold's
        assertEquals(List.of("stupid", "idiot"), selected(taggerAlone(0.5, Double.NaN, false), p));
        assertEquals(List.of("are", "stupid", "idiot"), selected(taggerAlone(0.25, Double.NaN, false), p));
        assertEquals(List.of("idiot"), selected(taggerAlone(0.75, Double.NaN, false), p));
        assertEquals(List.of("you", "are", "a", "stupid", "idiot"), selected(taggerAlone(0, Double.NaN, false), p),
                "a threshold of 0 keeps every word");
        assertEquals(List.of(), selected(taggerAlone(1, Double.NaN, false), p), "a threshold of 1 keeps none: no word is certain");
        List<Span> spans = taggerAlone(0.5, Double.NaN, false).select(SELECTED_TOKENS, p, List.of());
        assertEquals(0f, spans.get(0).weight(), 1e-6);
        assertEquals(Math.log(3), spans.get(1).weight(), 1e-6);
    }

    @Test
    void withNoWordAtTheThresholdTheBestIsShownFromTheFallbackUp() {
        float[] p = {0.125f, 0.25f, 0.125f, 0.5f, 0.75f};
        assertEquals(List.of(), selected(taggerAlone(0.9, Double.NaN, false), p));
        assertEquals(List.of("idiot"), selected(taggerAlone(0.9, 0.75, false), p), "the fallback's floor is reached");
        assertEquals(List.of(), selected(taggerAlone(0.9, 0.8, false), p));
        float[] low = {0.25f, 0.125f, 0.125f, 0.125f, 0.125f};
        assertEquals(List.of("you"), selected(taggerAlone(0.9, 0, false), low), "a fallback of 0: the best word, here the first, always");
        float[] tie = {0.125f, 0.25f, 0.125f, 0.25f, 0.125f};
        assertEquals(List.of("are"), selected(taggerAlone(0.9, 0, false), tie), "of equal best words, the first");
    }

    @Test
    void aStackerReadBackKeepsItsThresholdFallbackAndGapFilling(@TempDir Path dir) throws IOException {
        float[] p = {0.125f, 0.25f, 0.125f, 0.5f, 0.75f};
        Path file = dir.resolve("stacker.json");
        taggerAlone(0.95, 0.5, true).write(file);
        SpanStacker back = SpanStacker.read(file);
        assertEquals(0.95, back.threshold());
        assertEquals(0.5, back.fallback());
        assertTrue(back.fillGaps());
        assertEquals(List.of("idiot"), selected(back, p), "nothing at 0.95, the best from 0.5");
        taggerAlone(0.3, Double.NaN, false).write(file);
        back = SpanStacker.read(file);
        assertEquals(0.3, back.threshold());
        assertTrue(Double.isNaN(back.fallback()), "no fallback is written as null and read as none");
        assertFalse(back.fillGaps());
        assertEquals(List.of(), selected(back, 0.125f, 0.25f, 0.125f, 0.25f, 0.125f));
    }

    /** Posts whose gold words are those of a rate over 0.5; the tagger says little. */
    private static List<SpanStacker.Post> posts(int n, long seed) {
        Random r = new Random(seed);
        String[] vocabulary = {"you", "are", "a", "stupid", "idiot", "and", "the", "moron", "said", "so"};
        List<SpanStacker.Post> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 6 + r.nextInt(6); k++) text.append(k == 0 ? "" : " ").append(vocabulary[r.nextInt(vocabulary.length)]);
            List<Token> tokens = PIPELINE.tokenize(text.toString());
            float[] p = new float[tokens.size()];
            List<SpanExplainer.Word> words = new ArrayList<>();
            BitSet gold = new BitSet();
            for (int t = 0; t < tokens.size(); t++) {
                Token token = tokens.get(t);
                boolean toxic = List.of("stupid", "idiot", "moron").contains(token.text());
                p[t] = 0.3f + 0.2f * r.nextFloat();
                words.add(new SpanExplainer.Word(new Span(token.begin(), token.end(), 0f), toxic ? 0.7f : 0.1f));
                if (toxic) gold.set(token.begin(), token.end());
            }
            out.add(new SpanStacker.Post(text.toString(), tokens, p, words, gold));
        }
        return out;
    }

    @Test
    void fittedOnPostsItMarksTheWordsAnnotatorsMarkAndSurvivesAWriteAndRead(@TempDir Path dir) throws IOException {
        SpanStacker s = SpanStacker.fit(posts(300, 1));
        List<SpanStacker.Post> fresh = posts(100, 2);
        assertTrue(s.meanF1(fresh) > 0.95, "F1 " + s.meanF1(fresh));
        Path file = dir.resolve("stacker.json");
        s.write(file);
        SpanStacker back = SpanStacker.read(file);
        for (SpanStacker.Post post : fresh)
            assertEquals(s.select(post.tokens(), post.p(), post.words()), back.select(post.tokens(), post.p(), post.words()));
        assertEquals(s.threshold(), back.threshold());
    }

    /** The file records how the fit standardised each feature: its mean and standard deviation over every word fitted on. */
    @Test
    void theFitStandardisesEachFeatureByItsMeanAndDeviation(@TempDir Path dir) throws IOException {
        List<SpanStacker.Post> posts = posts(200, 4);
        Path file = dir.resolve("stacker.json");
        SpanStacker.fit(posts).write(file);
        List<double[]> xs = new ArrayList<>();
        for (SpanStacker.Post post : posts) xs.addAll(List.of(SpanStacker.rows(post.tokens(), post.p(), post.words()).x()));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        for (int j = 0; j < SpanStacker.FEATURES.size(); j++) {
            int f = j;
            double mean = xs.stream().mapToDouble(x -> x[f]).average().orElseThrow();
            double sd = Math.sqrt(xs.stream().mapToDouble(x -> (x[f] - mean) * (x[f] - mean)).average().orElseThrow());
            assertEquals(mean, json.get("mean").get(j).asDouble(), 1e-9, SpanStacker.FEATURES.get(j));
            assertEquals(sd, json.get("scale").get(j).asDouble(), 1e-6, SpanStacker.FEATURES.get(j));
        }
    }

    /**
     * The fitted regression is calibrated on the words it was fitted on: with every word kept (threshold 0) its mean
     * probability is the share of marked words, as a logistic regression's is (its intercept's first-order condition;
     * liblinear's penalty on it moves that by a fraction of a point here). Rows standardised one way when fitted and
     * another when read would shift every log-odds.
     */
    @Test
    void theFittedStackerIsCalibratedOnTheWordsItWasFittedOn(@TempDir Path dir) throws IOException {
        List<SpanStacker.Post> posts = posts(200, 4);
        Path file = dir.resolve("stacker.json");
        SpanStacker.fit(posts).write(file);
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        SpanStacker everyWord = SpanStacker.read(root.put("threshold", 0.0));
        double predicted = 0, marked = 0, words = 0;
        for (SpanStacker.Post post : posts) {
            List<Span> spans = everyWord.select(post.tokens(), post.p(), post.words());
            assertEquals(post.words().size(), spans.size(), "every word kept, none overlapping");
            for (Span sp : spans) {
                predicted += 1 / (1 + Math.exp(-sp.weight()));
                if (post.gold().get(sp.begin())) marked++;
                words++;
            }
        }
        assertEquals(marked / words, predicted / words, 0.01, "mean probability against the share marked");
    }

    /**
     * A write that fails half-way (here its provenance cannot be written; on a full disk the write itself) names the file
     * and leaves the earlier stacker as it was. Until the forty-eighth session the file was opened in place and cut.
     */
    @Test
    void aWriteThatFailsHalfWayLeavesTheEarlierStackerWhole(@TempDir Path dir) throws IOException {
        SpanStacker s = SpanStacker.fit(posts(50, 3));
        Path file = dir.resolve("stacker.json");
        s.write(file);
        byte[] earlier = Files.readAllBytes(file);
        com.fasterxml.jackson.databind.node.ObjectNode broken = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        broken.putPOJO("unwritable", new Object() {
            @SuppressWarnings("unused")
            public String getValue() {
                throw new IllegalStateException("cannot be written");
            }
        });
        IOException e = assertThrows(IOException.class, () -> s.withProvenance(broken).write(file));
        assertTrue(e.getMessage().startsWith("cannot write " + file + ": "), e.getMessage());
        assertArrayEquals(earlier, Files.readAllBytes(file), "the earlier stacker, as it was");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
    }

    @Test
    void theDevF1IsTheMeanOfPerPostF1sAndItsIntervalHoldsIt() {
        SpanStacker s = SpanStacker.fit(posts(300, 1));
        List<SpanStacker.Post> fresh = posts(100, 3);
        double[] f1s = s.f1s(fresh);
        assertEquals(100, f1s.length);
        assertEquals(s.meanF1(fresh), java.util.Arrays.stream(f1s).average().orElseThrow(), 1e-12);
        var i = SpanEvaluation.meanInterval(new double[] {0.2, 0.4, 0.9, 1.0, 0.0, 0.7, 0.6, 0.5});
        assertEquals(0.5375, i.value(), 1e-12);
        assertTrue(i.low() < 0.5375 && 0.5375 < i.high() && i.low() >= 0 && i.high() <= 1, i.toString());
        assertEquals(new org.parley.eval.Bootstrap.Interval(0.5, 0.5, 0.5), SpanEvaluation.meanInterval(new double[] {0.5, 0.5, 0.5}));
    }

    @Test
    void aStackerThatReadsOtherFeaturesIsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("stacker.json");
        SpanStacker.fit(posts(50, 3)).write(file);
        Files.writeString(file, Files.readString(file).replace("\"logWords\"", "\"words\""));
        IOException e = assertThrows(IOException.class, () -> SpanStacker.read(file));
        assertTrue(e.getMessage().contains("logWords"), e.getMessage());
    }

    @Test
    void theShippedStackerWithTheShippedTaggerMarksTheInsultInOneScorerCall() {
        SpanStacker stacker = SpanStacker.standard();
        assertNotNull(stacker, "span-stacker.json is shipped");
        SpanExplainerTest.WordScorer scorer = new SpanExplainerTest.WordScorer();
        SpanLexicon lexicon = SpanLexicon.standard();
        TaggedExplainer e = TaggedExplainer.stacked(new SpanExplainer(scorer, PIPELINE, 1.0, lexicon, 0.5, Double.NaN),
                SpanTagger.standard(lexicon), stacker);
        String text = "Thanks for the article, but the author is an idiot.";
        List<Span> spans = e.explain(List.of(text), List.of(Attribute.TOXICITY), new float[] {0.8f}).get(0);
        assertEquals(List.of("idiot"), spans.stream().map(s -> text.substring(s.begin(), s.end())).toList());
        assertTrue(spans.get(0).weight() > 0, "weights are the stacker's log-odds: the insult is marked at better than even odds");
        assertEquals(1, scorer.batchSizes.size(), "one scorer call for all occlusion variants");
        assertSame(stacker, e.stacker());
        assertNull(e.combination());
    }
}
