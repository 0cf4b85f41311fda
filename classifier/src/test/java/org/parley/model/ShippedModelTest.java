package org.parley.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.explain.Span;
import org.parley.explain.SpanExplainer;
import org.parley.explain.SpanLexicon;
import org.parley.feature.Batch;
import org.parley.feature.TextFeatures;
import org.parley.feature.TokenRemoval;
import org.parley.label.Attribute;
import org.parley.score.Variants;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped bundle on 346 real comments (Jigsaw, Davidson, Ruddit, a few odd ones): the speed
 * work must not change scores or spans. The golden file holds the shipped bundle's scores and, for
 * comments with TOXICITY at least 0.5, the spans of the reference path, which scores each occluded
 * variant as a string (Scorer's default scoreVariants), with the service's span settings. Written
 * anew, by that reference path, for each bundle shipped since the speed work (now 2026.12.01.1823);
 * the first one came from the code before it (commit a75bb82: DL4J deep part, spans from
 * re-tokenised text), which the reference path reproduced, as it reproduced the file of the
 * bundle before this one line for line. Two lines were rewritten by the same path when the speller came (thirty-second
 * session): "dickweed", in lines 5 and 63, is read as dick weed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippedModelTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private ModelBundle bundle;
    private ToxicityModel model;
    private final List<String> texts = new ArrayList<>();
    private final List<JsonNode> golden = new ArrayList<>();

    @BeforeAll
    void load() throws IOException {
        bundle = ModelBundle.load(Bundles.shipped());
        model = new ToxicityModel(bundle, TextPipeline.standard(), 1);
        for (String line : lines("real-comments.jsonl")) texts.add(JSON.readTree(line).get("text").asText());
        for (String line : lines("real-comments-golden.jsonl")) golden.add(JSON.readTree(line));
        assertEquals(texts.size(), golden.size());
    }

    /** Issue 2.5: obfuscation must not get a word past the model; the wide part reads it written out (WideText). */
    @Test
    void obfuscatedSpellingsScoreAsThePlainWord() {
        String[][] pairs = {{"you are an idiot", "you are an id1ot"}, {"you are an idiot", "you are an i d i o t"},
                {"fuck this", "f*ck this"}, {"this is shit", "this is sh1t"}};
        for (String[] p : pairs) {
            float[][] s = model.score(List.of(p[0], p[1]));
            for (Attribute a : Attribute.values())
                assertEquals(s[0][a.ordinal()], s[1][a.ordinal()], 0.02, p[1] + " " + a);
        }
    }

    /**
     * The robustness audit's evasions (twenty-ninth session, docs/robustness-suite.jsonl) that the normaliser now
     * reads: a spaced or masked word ending the sentence, separators put in between letters, an emoji or a bullet
     * for a letter. TOXICITY of the evasions before: 0.145, 0.216, 0.616, 0.409, 0.257, 0.441, 0.175.
     * Not within 0.02: WideText pads a word to its raw length, so "i d i o t" keeps a few char n-grams (TOXICITY
     * 0.062 lower, IDENTITY_ATTACK of "b i t c h" 0.103 higher, measured with this bundle).
     */
    @Test
    void theRobustnessAuditsEvasionsScoreNearThePlainWord() {
        String[][] pairs = {{"You are an idiot.", "You are an i d i o t."}, {"Get lost, you bitch.", "Get lost, you b i t c h."},
                {"Shut up, you moron.", "Shut up, you m*r*n."},
                {"Nobody cares what a retard like you thinks.", "Nobody cares what a ret-ard like you thinks."},
                {"Go back to school, you dumbass.", "Go back to school, you dum.bass."},
                {"Get lost, you bitch.", "Get lost, you b\uD83E\uDD2Ctch."}, {"You are an idiot.", "You are an id\u2022ot."}};
        for (String[] p : pairs) {
            float[][] s = model.score(List.of(p[0], p[1]));
            assertEquals(s[0][Attribute.TOXICITY.ordinal()], s[1][Attribute.TOXICITY.ordinal()], 0.07, p[1]);
            for (Attribute a : Attribute.values())
                assertEquals(s[0][a.ordinal()], s[1][a.ordinal()], 0.12, p[1] + " " + a);
        }
    }

    /**
     * The audit's look-alike spellings (Cyrillic о а е с; Cyrillic і о; dotless ı and Greek ο), and full-width
     * letters and small capitals, score
     * as the plain letters, TOXICITY 0.940, 0.900, 0.900 (0.172, 0.357, 0.269 before), with the
     * same spans on the letters as written.
     */
    @Test
    void lookAlikeLettersScoreAsThePlainLetters() {
        String[][] pairs = {{"You are a fucking idiot", "Y\u043Eu \u0430r\u0435 \u0430 fu\u0441king idi\u043Et"},
                {"You are a complete idiot and a moron.", "You are a complete \u0456d\u0456ot and a m\u043Eron."},
                {"You are a complete idiot and a moron.", "You are a complete \u0131d\u0131ot and a mor\u03BFn."},
                // full-width letters and small capitals (a Node.js integrator's audit: TOXICITY 0.17 and 0.12 before)
                {"you are a complete idiot and a stupid moron.", "\uFF39\uFF4F\uFF55 \uFF41\uFF52\uFF45 \uFF41 \uFF43\uFF4F\uFF4D\uFF50\uFF4C\uFF45\uFF54\uFF45 "
                        + "\uFF49\uFF44\uFF49\uFF4F\uFF54 \uFF41\uFF4E\uFF44 \uFF41 \uFF53\uFF54\uFF55\uFF50\uFF49\uFF44 \uFF4D\uFF4F\uFF52\uFF4F\uFF4E."},
                {"you are a complete idiot and a stupid moron.", "\u028F\u1D0F\u1D1C \u1D00\u0280\u1D07 \u1D00 \u1D04\u1D0F\u1D0D\u1D18\u029F\u1D07\u1D1B\u1D07 "
                        + "\u026A\u1D05\u026A\u1D0F\u1D1B \u1D00\u0274\u1D05 \u1D00 \uA731\u1D1B\u1D1C\u1D18\u026A\u1D05 \u1D0D\u1D0F\u0280\u1D0F\u0274."}};
        SpanExplainer explainer = new SpanExplainer(model, TextPipeline.standard(), 1.5, SpanLexicon.standard(), 0.45, 0.3);
        for (String[] p : pairs) {
            float[][] s = model.score(List.of(p[0], p[1]));
            for (Attribute a : Attribute.values())
                assertEquals(s[0][a.ordinal()], s[1][a.ordinal()], 0.02, p[1] + " " + a);
            List<Span> plain = explainer.explain(p[0], Attribute.TOXICITY, s[0][0]);
            List<Span> disguised = explainer.explain(p[1], Attribute.TOXICITY, s[1][0]);
            assertTrue(!plain.isEmpty(), p[0]);
            assertEquals(plain.size(), disguised.size(), p[1]);
            for (int k = 0; k < plain.size(); k++) { // one char for one: the same offsets
                assertEquals(plain.get(k).begin(), disguised.get(k).begin(), p[1]);
                assertEquals(plain.get(k).end(), disguised.get(k).end(), p[1]);
                assertEquals(plain.get(k).weight(), disguised.get(k).weight(), 0.05, p[1]);
            }
        }
    }

    @Test
    void scoresAreTheGoldenScores() {
        float[][] scores = model.score(texts);
        for (int i = 0; i < texts.size(); i++) assertArrayEquals(floats(golden.get(i).get("scores")), scores[i], 1e-5f, texts.get(i));
    }

    @Test
    void theJavaForwardPassMatchesTheServedGraph() {
        ComputationGraph served = bundle.network();
        List<TextFeatures> f = texts.stream().map(model::ids).toList();
        float[][] actual = model.forward(f);
        for (int from = 0; from < f.size(); from += 64) {
            List<TextFeatures> batch = f.subList(from, Math.min(f.size(), from + 64));
            Batch.Inputs x = Batch.of(batch, Attribute.COUNT);
            float[][] expected = served.output(false, x.features(), x.masks())[0].toFloatMatrix();
            for (int k = 0; k < batch.size(); k++) assertArrayEquals(expected[k], actual[from + k], 1e-5f, texts.get(from + k));
        }
    }

    @Test
    void variantsScoreAsTheirStrings() {
        // Every comment without each of its first 32 token groups (as occlusion takes words out).
        TextPipeline pipeline = TextPipeline.standard();
        int variants = 0, otherForms = 0;
        for (String text : texts) {
            List<Token> tokens = pipeline.tokenize(text);
            Map<String, List<Token>> groups = new LinkedHashMap<>();
            for (Token t : tokens) groups.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(t);
            Variants v = new Variants(text, tokens, new ArrayList<>(groups.values()).subList(0, Math.min(32, groups.size())));
            List<String> strings = v.texts();
            float[][] expected = model.score(strings);
            float[][] actual = model.scoreVariants(List.of(v));
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                variants++;
                // Deep ids come from the comment's tokens: where re-tokenising the variant gives other forms, so may the score.
                if (!TokenRemoval.forms(tokens, v.removed().get(i)).equals(pipeline.tokens(strings.get(i)))) otherForms++;
                // Otherwise only the wide part's summing order differs (WideTerms): float rounding.
                else assertArrayEquals(expected[i], actual[i], 1e-5f, strings.get(i));
            }
        }
        assertTrue(otherForms < variants / 100, otherForms + " of " + variants + " variants lose other forms than their strings");
    }

    @Test
    void spansAreTheGoldenSpans() {
        SpanExplainer explainer = new SpanExplainer(model, TextPipeline.standard(), 1.5, SpanLexicon.standard(), 0.45, 0.3);
        List<Integer> which = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) if (golden.get(i).has("spans")) which.add(i);
        float[] p = new float[which.size()];
        for (int k = 0; k < p.length; k++) p[k] = (float) golden.get(which.get(k)).get("scores").get(0).asDouble();
        List<List<Span>> spans = explainer.explain(which.stream().map(texts::get).toList(),
                Collections.nCopies(which.size(), Attribute.TOXICITY), p);
        for (int k = 0; k < which.size(); k++) {
            JsonNode expected = golden.get(which.get(k)).get("spans");
            List<Span> actual = spans.get(k);
            String text = texts.get(which.get(k));
            assertEquals(expected.size(), actual.size(), text);
            for (int s = 0; s < actual.size(); s++) {
                assertEquals(expected.get(s).get(0).asInt(), actual.get(s).begin(), text);
                assertEquals(expected.get(s).get(1).asInt(), actual.get(s).end(), text);
                // Log-odds of float scores near 0 or 1 magnify rounding, hence the looser bound; and the variants'
                // deep ids now come from the comment's tokens (TokenRemoval.forms), not from re-tokenising the
                // variant: one golden weight (an HTML-entity quote the lexer reads otherwise) moves by 0.01.
                assertEquals(expected.get(s).get(2).asDouble(), actual.get(s).weight(), 0.02, text);
            }
        }
    }

    private static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) f[i] = (float) a.get(i).asDouble();
        return f;
    }

    private static List<String> lines(String resource) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(ShippedModelTest.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            return in.lines().toList();
        }
    }
}
