package org.parley.text;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.WordToSentenceProcessor;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence boundaries by CoreNLP's rules (its ssplit annotator's WordToSentenceProcessor) over
 * the pipeline's tokens: the PTB lexer keeps "Mr." and "e.g." whole, so they end no sentence, where
 * the JDK's BreakIterator cut after each of them.
 */
public final class Sentences {
    private Sentences() {}

    /** Each sentence as [begin, end) offsets into the raw text, from its first token to its last. */
    public static List<int[]> split(List<Token> tokens) {
        List<CoreLabel> words = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (t.text().equals(TextPipeline.ALL_CAPS) || t.end() <= t.begin()) continue;  // a marker, not a word
            CoreLabel word = new CoreLabel();
            word.setWord(t.original());
            word.setValue(t.original());
            word.setBeginPosition(t.begin());
            word.setEndPosition(t.end());
            words.add(word);
        }
        List<int[]> out = new ArrayList<>();
        for (List<CoreLabel> s : new WordToSentenceProcessor<CoreLabel>().process(words))
            if (!s.isEmpty()) out.add(new int[] {s.get(0).beginPosition(), s.get(s.size() - 1).endPosition()});
        return out;
    }
}
