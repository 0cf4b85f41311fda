package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.explain.SpanExplainer;
import org.parley.explain.TaggedExplainer;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.policy.Policy;
import org.parley.score.Scorer;
import org.parley.service.Fakes;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.monitoring.PolicyInputs;
import org.parley.text.Sentences;
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
        return scorer(model, pipeline, Policy.standard());
    }

    private static CommentScorer scorer(Scorer model, TextPipeline pipeline, Policy policy) {
        ServedModel served = new ServedModel(model, TaggedExplainer.explainerOnly(new SpanExplainer(model, pipeline, 1.0)),
                new ModelInfo("fake", "v1", "checksum"), Fakes.pipelineSame("fake.zip"), null);
        return new CommentScorer(new ModelHolder(served, p -> served), policy, Fakes::foreign, 0.5f, new PolicyInputs());
    }

    /** The standard policy less its sentence rule. */
    private static Policy noSentenceRule() {
        Policy p = Policy.standard();
        return new Policy(p.bands(), p.otherwise(), p.otherLanguage(), p.phrases(), null);
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
    void withoutSpansOrASentenceRuleNothingIsTokenisedHereAndTheScorerGetsPlainTexts() {
        Scorer model = Fakes.scorer();
        TextPipeline pipeline = spy(TextPipeline.standard());
        List<String> texts = List.of("you idiot", "thanks");
        CommentScorer.Result r = scorer(model, pipeline, noSentenceRule()).score(
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

    /** The scorer's fake gives TOXICITY 0.7 to a short text with "dolt" ("You are a dolt." alone), 0.02 to anything else. */
    @Test
    void aCommentWhoseWorstSentenceScoresHighAloneIsHeldAndItsSentencesAreCutFromItsTokens() {
        Scorer model = Fakes.scorer();
        org.mockito.Mockito.doAnswer(call -> {
            List<String> texts = call.getArgument(0);
            float[][] out = new float[texts.size()][Attribute.COUNT];
            for (int i = 0; i < out.length; i++) out[i][Attribute.TOXICITY.ordinal()] = texts.get(i).contains("dolt") && texts.get(i).length() < 20 ? 0.7f : 0.02f;
            return out;
        }).when(model).score(anyList());
        TextPipeline pipeline = spy(TextPipeline.standard());
        String padded = "Thanks for the piece. You are a dolt. See you soon.";
        List<String> texts = List.of(padded, "You are a dolt.", "Thanks for the piece. See you soon.");
        CommentScorer.Result r = scorer(model, pipeline).score(texts.stream().map(t -> new CommentScorer.Input(t, ALL, false)).toList());

        assertEquals(Action.REVIEW, r.outcomes().get(0).decision().action());
        assertEquals(List.of("TOXICITY in [0.00, 0.20) -> PUBLISH", "sentence [22, 37) TOXICITY 0.70 >= 0.60 -> REVIEW"),
                r.outcomes().get(0).decision().fired());
        assertEquals(0.02f, r.outcomes().get(0).probabilities()[Attribute.TOXICITY.ordinal()], "the comment's own scores are kept");
        assertEquals(Action.REVIEW, r.outcomes().get(1).decision().action(), "0.7 alone: the band");
        assertEquals(Action.PUBLISH, r.outcomes().get(2).decision().action());
        verify(pipeline, times(texts.size())).tokenize(anyString()); // the sentences are not tokenised again
        // The sentences of the two comments the bands publish, in one call; the one held by its own score is not read.
        List<Sentences.Slice> slices = new java.util.ArrayList<>(Sentences.slices(padded, TextPipeline.standard().tokenize(padded)));
        slices.addAll(Sentences.slices(texts.get(2), TextPipeline.standard().tokenize(texts.get(2))));
        verify(model).score(List.of("Thanks for the piece.", "You are a dolt.", "See you soon.", "Thanks for the piece.", "See you soon."),
                pipeline, slices.stream().map(Sentences.Slice::tokens).toList());

        assertTrue(r.outcomes().get(0).spans().isEmpty(), "no spans asked");

        // Spans asked: the comment's own TOXICITY (0.02) explains nothing; the sentence that held it is explained instead.
        CommentScorer.Result withSpans = scorer(model, TextPipeline.standard()).score(List.of(new CommentScorer.Input(padded, ALL, true)));
        assertEquals(List.of("dolt"), words(padded, withSpans.outcomes().get(0)));
        CommentScorer.Result off = scorer(model, pipeline, noSentenceRule()).score(List.of(new CommentScorer.Input(padded, ALL, false)));
        assertEquals(Action.PUBLISH, off.outcomes().get(0).decision().action());
    }

    /**
     * spans.minProbability is a floor the top attribute may reach ("at least", docs/scoring-api.md): a comment whose top
     * score is exactly 0.5 has its words explained, one just under it none. Kills PIT's {@code >=} as {@code >}.
     */
    @Test
    void aTopScoreExactlyAtTheSpanFloorIsExplainedAndOneJustUnderItIsNot() {
        String text = "You are a dolt";
        for (float top : new float[] {0.5f, Math.nextDown(0.5f)}) {
            Scorer model = Fakes.scorer();
            org.mockito.Mockito.doAnswer(call -> {
                List<String> texts = call.getArgument(0);
                float[][] out = new float[texts.size()][Attribute.COUNT];
                for (int i = 0; i < out.length; i++) out[i][Attribute.TOXICITY.ordinal()] = texts.get(i).contains("dolt") ? top : 0.02f;
                return out;
            }).when(model).score(anyList());
            CommentScorer.Outcome o = scorer(model, TextPipeline.standard(), noSentenceRule())
                    .score(List.of(new CommentScorer.Input(text, ALL, true))).outcomes().get(0);
            assertEquals(Attribute.TOXICITY, o.top());
            assertEquals(top == 0.5f ? List.of("dolt") : List.of(), words(text, o), "TOXICITY " + top);
        }
    }

    /** Two requested attributes tied at the top: the first in the attributes' order is the one explained, whatever the set. */
    @Test
    void aTieAtTheTopGoesToTheFirstAttributeInTheirOrder() {
        Scorer model = Fakes.scorer();
        org.mockito.Mockito.doAnswer(call -> {
            float[][] out = new float[((List<?>) call.getArgument(0)).size()][Attribute.COUNT];
            for (float[] row : out) {
                row[Attribute.INSULT.ordinal()] = 0.8f;
                row[Attribute.PROFANITY.ordinal()] = 0.8f;
            }
            return out;
        }).when(model).score(anyList());
        CommentScorer.Outcome o = scorer(model, TextPipeline.standard(), noSentenceRule()).score(List.of(new CommentScorer.Input(
                "You are a dolt", java.util.EnumSet.of(Attribute.TOXICITY, Attribute.INSULT, Attribute.PROFANITY), false)))
                .outcomes().get(0);
        assertEquals(Attribute.INSULT, o.top(), "INSULT comes before PROFANITY");
    }

    private static List<String> words(String text, CommentScorer.Outcome o) {
        return o.spans().stream().map(s -> text.substring(s.begin(), s.end())).toList();
    }
}
