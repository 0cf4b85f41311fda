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
