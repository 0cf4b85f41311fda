package org.parley.score;

import org.junit.jupiter.api.Test;
import org.parley.text.Sentences;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Sentences scored alone, in one scorer call: each piece gets the row of its own text, whatever else the call held.
 * The scorer here scores a text by its length, so a row that went to the wrong piece shows.
 */
class SentenceScoresTest {
    private static final TextPipeline PIPELINE = TextPipeline.standard();

    /** Scores each text by its length (in every attribute), and records the calls and the tokens it was handed. */
    private static final class LengthScorer implements Scorer {
        final List<List<String>> calls = new ArrayList<>();

        @Override
        public float[][] score(List<String> texts) {
            calls.add(List.copyOf(texts));
            float[][] out = new float[texts.size()][org.parley.label.Attribute.COUNT];
            for (int i = 0; i < texts.size(); i++) java.util.Arrays.fill(out[i], texts.get(i).length());
            return out;
        }

        @Override
        public float[][] score(List<String> texts, TextPipeline pipeline, List<List<Token>> tokens) {
            for (int i = 0; i < texts.size(); i++)
                assertEquals(pipeline.tokenize(texts.get(i)).stream().map(Token::text).toList(), tokens.get(i).stream().map(Token::text).toList(),
                        "the tokens handed with \"" + texts.get(i) + "\" are its own");
            return score(texts);
        }

        @Override
        public String name() {
            return "length";
        }
    }

    private static List<Token> tokens(String text) {
        return PIPELINE.tokenize(text);
    }

    @Test
    void eachSentenceGetsItsOwnRowFromOneCallAndACommentOfOneSentenceNone() {
        LengthScorer scorer = new LengthScorer();
        List<String> texts = List.of("Fine words. You are an idiot! Thanks.", "Just one sentence here.", "Short. A longer second one.");
        List<List<SentenceScores.Scored>> all = SentenceScores.of(scorer, PIPELINE, texts, texts.stream().map(SentenceScoresTest::tokens).toList());
        assertEquals(1, scorer.calls.size(), "one scorer call for all the comments' sentences");
        assertEquals(List.of(), all.get(1), "one sentence: the comment's own scores describe it");
        for (int c : new int[] {0, 2}) {
            List<Sentences.Slice> slices = Sentences.slices(texts.get(c), tokens(texts.get(c)));
            assertEquals(slices.size(), all.get(c).size());
            for (int k = 0; k < slices.size(); k++) {
                SentenceScores.Scored s = all.get(c).get(k);
                assertEquals(slices.get(k).begin(), s.begin());
                assertEquals(slices.get(k).end(), s.end());
                assertEquals(slices.get(k).text().length(), s.probabilities()[0], "comment " + c + ", sentence " + k + ": its own row");
            }
        }
        assertEquals(3 + 2, scorer.calls.get(0).size());
        assertEquals(List.of(), SentenceScores.of(scorer, PIPELINE, List.of("One."), List.of(tokens("One."))).get(0));
        assertEquals(1, scorer.calls.size(), "nothing to score: no call");
    }

    @Test
    void theCommentAndItsSentencesComeFromOneCallTheCommentFirst() {
        LengthScorer scorer = new LengthScorer();
        String text = "Fine words. You are an idiot!";
        SentenceScores.WithComment w = SentenceScores.withComment(scorer, PIPELINE, text, tokens(text));
        assertEquals(1, scorer.calls.size());
        assertEquals(text.length(), w.comment()[0]);
        assertEquals(List.of("Fine words.".length() + 0f, "You are an idiot!".length() + 0f),
                w.sentences().stream().map(s -> s.probabilities()[0]).toList());
        assertEquals(text.indexOf("You"), w.sentences().get(1).begin());
    }

    @Test
    void aLongSentenceIsReadInWindowsOfSixteenTokens() {
        LengthScorer scorer = new LengthScorer();
        String text = "word ".repeat(40).strip();
        List<SentenceScores.Scored> pieces = SentenceScores.pieces(scorer, PIPELINE, text, tokens(text));
        List<Sentences.Slice> expected = Sentences.pieces(text, tokens(text), SentenceScores.WINDOW);
        assertTrue(expected.size() > 1, "a sentence of 40 tokens is cut");
        assertEquals(expected.stream().map(Sentences.Slice::begin).toList(), pieces.stream().map(SentenceScores.Scored::begin).toList());
        for (int k = 0; k < pieces.size(); k++) assertEquals(expected.get(k).text().length(), pieces.get(k).probabilities()[0]);
        assertEquals(List.of(), SentenceScores.pieces(scorer, PIPELINE, "Short one.", tokens("Short one.")));
    }
}
