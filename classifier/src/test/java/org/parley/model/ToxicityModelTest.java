package org.parley.model;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.feature.Batch;
import org.parley.feature.TextFeatures;
import org.parley.label.Attribute;
import org.parley.score.Variants;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;

class ToxicityModelTest {
    /** A tiny bundle's graph, given random wide weights (tiny bundles start with a zero wide part, which no test could fail on). */
    private static ComputationGraph withWideWeights(ModelBundle bundle, long seed) {
        ComputationGraph served = bundle.network();
        Nd4j.getRandom().setSeed(seed);
        served.getLayer(ToxicityNetwork.WIDE).setParam("W", Nd4j.randn(served.getLayer(ToxicityNetwork.WIDE).getParam("W").shape()));
        return served;
    }

    @Test
    void theSparseWidePathScoresExactlyLikeTheServedGraph() {
        ModelBundle bundle = TinyBundles.create();
        ComputationGraph served = withWideWeights(bundle, 11);
        assertScoresAsTheGraph(new ToxicityModel(served, bundle.features(), Map.of(), TextPipeline.standard(), 2, "t"), served);
    }

    /** The model's raw scores of a few texts are the graph's outputs, to 1e-5; two texts differ. */
    static void assertScoresAsTheGraph(ToxicityModel model, ComputationGraph graph) {
        List<String> texts = List.of("you are an idiot", "nice day", "", "a much longer comment about a nice day, you idiot");
        List<TextFeatures> f = texts.stream().map(model::ids).toList();
        Batch.Inputs x = Batch.of(f, Attribute.COUNT);
        float[][] expected = graph.output(false, x.features(), x.masks())[0].toFloatMatrix();
        float[][] actual = model.rawScores(texts);
        for (int i = 0; i < texts.size(); i++) assertArrayEquals(expected[i], actual[i], 1e-5f, texts.get(i));
        assertNotEquals(actual[0][0], actual[1][0], "different texts, different scores");
    }

    @Test
    void variantsScoreAsTheirStrings() {
        ModelBundle bundle = TinyBundles.create();
        TextPipeline pipeline = TextPipeline.standard();
        ToxicityModel model = new ToxicityModel(withWideWeights(bundle, 12), bundle.features(), Map.of(), pipeline, 1, "t");

        List<Variants> variants = new ArrayList<>();
        for (String text : List.of("you are an idiot, an IDIOT", "idiot", "F U C K you moron!!", "nice day. Σίσυφος")) {
            List<Token> tokens = pipeline.tokenize(text);
            variants.add(new Variants(text, tokens, tokens.stream().map(List::of).toList()));
        }
        variants.add(new Variants("", List.of(), List.of()));
        List<String> strings = variants.stream().flatMap(v -> v.texts().stream()).toList();
        float[][] expected = model.score(strings);
        float[][] actual = model.scoreVariants(variants);
        assertEquals(expected.length, actual.length);
        // Sums in another order (see WideTerms): float rounding, well under 1e-5 in probability.
        for (int i = 0; i < expected.length; i++) assertArrayEquals(expected[i], actual[i], 1e-5f, strings.get(i));
    }

    @Test
    void tokensFromTheModelsPipelineScoreAsTheTextsAndTokensFromAnotherAreIgnored() {
        ModelBundle bundle = TinyBundles.create();
        TextPipeline pipeline = TextPipeline.standard();
        ToxicityModel model = new ToxicityModel(withWideWeights(bundle, 13), bundle.features(), Map.of(), pipeline, 1, "t");
        List<String> texts = new ArrayList<>(List.of("you are an idiot, an IDIOT", "F U C K you moron!!", "see http://x.io #MakeItStop", ""));
        for (int i = 0; i < 20; i++) texts.add("comment " + i + " says nice day, idiot"); // enough texts to fork
        List<List<Token>> tokens = texts.stream().map(pipeline::tokenize).toList();

        float[][] expected = model.score(texts);
        float[][] actual = model.score(texts, pipeline, tokens);
        for (int i = 0; i < texts.size(); i++) assertArrayEquals(expected[i], actual[i], 0f, texts.get(i));

        // The tokens are read: another text's tokens give another text's deep part.
        List<List<Token>> swapped = new ArrayList<>(tokens);
        swapped.set(0, tokens.get(1));
        assertNotEquals(expected[0][0], model.score(texts, pipeline, swapped)[0][0]);
        // ... but only when they come from the model's own pipeline.
        TextPipeline other = mock(TextPipeline.class);
        assertArrayEquals(expected[0], model.score(texts, other, swapped)[0], 0f);
        assertThrows(IllegalArgumentException.class, () -> model.score(texts, pipeline, tokens.subList(0, 2)));
    }
}
