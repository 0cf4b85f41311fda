package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.explain.SpanExplainer;
import org.parley.explain.TaggedExplainer;
import org.parley.label.Attribute;
import org.parley.score.Scorer;
import org.parley.service.Fakes;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class CommentScorerTest {
    private static final Set<Attribute> ALL = Set.of(Attribute.values());

    private static CommentScorer scorer(Scorer model, TextPipeline pipeline) {
        ServedModel served = new ServedModel(model, TaggedExplainer.explainerOnly(new SpanExplainer(model, pipeline, 1.0)),
                new ModelInfo("fake", "v1", "checksum"));
        return Fakes.commentScorer(new ModelHolder(served, p -> served));
    }

    @Test
    void withSpansEachCommentIsTokenisedOnceForTheScorerAndTheExplainerBoth() {
        Scorer model = Fakes.scorer();
        TextPipeline pipeline = spy(TextPipeline.standard());
        List<String> texts = List.of("you idiot", "a fine point", "what an idiot you are", "thanks");
        CommentScorer.Result r = scorer(model, pipeline).score(
                texts.stream().map(t -> new CommentScorer.Input(t, ALL, true)).toList());

        // Two comments are explained, yet each of the four is tokenised once (the variants are not tokenised).
        verify(pipeline, times(texts.size())).tokenize(anyString());
        for (String t : texts) verify(pipeline).tokenize(t);
        verify(pipeline, never()).tokens(anyString());
        List<List<Token>> tokens = texts.stream().map(TextPipeline.standard()::tokenize).toList();
        verify(model).score(texts, pipeline, tokens);
        assertEquals(List.of("idiot"), words(texts.get(0), r.outcomes().get(0)));
        assertTrue(r.outcomes().get(1).spans().isEmpty());
        assertEquals(List.of("idiot"), words(texts.get(2), r.outcomes().get(2)));
    }

    @Test
    void withoutSpansNothingIsTokenisedHereAndTheScorerGetsPlainTexts() {
        Scorer model = Fakes.scorer();
        TextPipeline pipeline = spy(TextPipeline.standard());
        List<String> texts = List.of("you idiot", "thanks");
        CommentScorer.Result r = scorer(model, pipeline).score(
                texts.stream().map(t -> new CommentScorer.Input(t, ALL, false)).toList());

        verify(pipeline, never()).tokenize(anyString());
        verify(model).score(eq(texts));
        verify(model, never()).score(anyList(), eq(pipeline), anyList());
        assertTrue(r.outcomes().get(0).spans().isEmpty());
        assertEquals(0.95f, r.outcomes().get(0).probabilities()[Attribute.TOXICITY.ordinal()]);
    }

    @Test
    void theLanguageOfEachCommentReachesThePolicyAndTheOutcome() {
        CommentScorer.Result r = scorer(Fakes.scorer(), TextPipeline.standard()).score(List.of(
                new CommentScorer.Input("thanks", ALL, false),
                new CommentScorer.Input("Je bent een klootzak en een sukkel.", ALL, false)));
        assertEquals(null, r.outcomes().get(0).language());
        assertEquals(org.parley.policy.Action.PUBLISH, r.outcomes().get(0).decision().action());
        assertEquals("nl", r.outcomes().get(1).language());
        assertEquals(org.parley.policy.Action.REVIEW, r.outcomes().get(1).decision().action());
        assertTrue(r.outcomes().get(1).decision().fired().contains("language nl (not English) -> REVIEW"));
    }

    private static List<String> words(String text, CommentScorer.Outcome o) {
        return o.spans().stream().map(s -> text.substring(s.begin(), s.end())).toList();
    }
}
