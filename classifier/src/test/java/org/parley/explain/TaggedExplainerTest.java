package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TaggedExplainerTest {
    private static final String TEXT = "what an idiot you are";

    private static SpanTagger untrained() {
        return new SpanTagger(List.of("idiot"), SpanTaggerNetwork.create(3, new SpanTaggerNetwork.Config(8, 8, 3, 1, 0.01, 0.01, 0, 5)),
                SpanLexicon.empty(), "{}");
    }

    @Test
    void theTaggerAloneSkipsTheOcclusionPass() {
        SpanExplainerTest.WordScorer scorer = new SpanExplainerTest.WordScorer();
        SpanTagger tagger = untrained();
        SpanCombination c = new SpanCombination(0.0, false, Double.NaN, false); // every word
        TaggedExplainer e = new TaggedExplainer(new SpanExplainer(scorer, TextPipeline.standard(), 1.0), tagger, c);
        List<Span> spans = e.explain(List.of(TEXT), List.of(Attribute.TOXICITY), new float[] {0.9f}).get(0);
        assertTrue(scorer.batchSizes.isEmpty(), "no scorer call: " + scorer.batchSizes);
        List<Token> tokens = TextPipeline.standard().tokenize(TEXT);
        assertEquals(c.select(tokens, tagger.probabilities(List.of(tokens))[0], List.of()), spans);
        assertEquals(5, spans.size());
        assertSame(c, e.combination());
    }

    @Test
    void theUnionAddsTheExplainersWordsAndWithoutATaggerTheExplainerWorksAlone() {
        SpanExplainerTest.WordScorer scorer = new SpanExplainerTest.WordScorer();
        SpanExplainer explainer = new SpanExplainer(scorer, TextPipeline.standard(), 1.0);
        TaggedExplainer union = new TaggedExplainer(explainer, untrained(), new SpanCombination(1.1, true, Double.NaN, false));
        List<Span> spans = union.explain(List.of(TEXT), List.of(Attribute.TOXICITY), new float[] {0.5f}).get(0);
        assertEquals(List.of("idiot"), spans.stream().map(s -> TEXT.substring(s.begin(), s.end())).toList());
        assertEquals(1, scorer.batchSizes.size());
        assertEquals(explainer.explain(TEXT, Attribute.TOXICITY, 0.5f),
                TaggedExplainer.explainerOnly(explainer).explain(List.of(TEXT), List.of(Attribute.TOXICITY), new float[] {0.5f}).get(0));
        assertNull(TaggedExplainer.explainerOnly(explainer).combination());
    }
}
