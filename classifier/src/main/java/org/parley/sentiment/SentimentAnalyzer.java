package org.parley.sentiment;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;
import org.parley.text.NlpModels;
import org.parley.text.Sentences;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

/**
 * CoreNLP's sentiment model (recursive network over a binarised parse) for the optional
 * {@code SENTIMENT} attribute. The PCFG parse is slow and grows about as the square of a
 * sentence's length (warm, 2 cores: 0.1 s for 10 tokens, 0.9 s for 40, 2.8 s for 79), so a comment
 * is read within a budget: its sentences in order, each of at most {@link #MAX_SENTENCE_TOKENS}
 * tokens (a longer one is read as pieces of at most that many, cut at clause boundaries) and
 * {@link #MAX_SENTENCE_CHARS} characters (a longer piece is skipped), until the sum of their squared
 * lengths would pass {@link #BUDGET}: about a second of parsing at most. Without it
 * a 20,480-character comment took two minutes, and one without sentence breaks overflowed the
 * stack. Sentences are found by Parley's own tokeniser (CoreNLP's, run on a whole comment, is
 * slow on long runs of '&' or '"'), a blank line ending one as in CoreNLP; only the chosen ones
 * reach CoreNLP. A comment's distribution is the mean of its sentences' (and pieces'), weighted by
 * their length. Thread-safe.
 */
public final class SentimentAnalyzer {
    static final int MAX_SENTENCE_TOKENS = 40;
    static final int MAX_SENTENCE_CHARS = 400;
    /** Sum of squared sentence lengths, in tokens: e.g. one sentence of 40, or four of 20, or sixteen of 10. */
    static final int BUDGET = 1_600;
    private final StanfordCoreNLP pipeline;

    public SentimentAnalyzer() {
        NlpModels.require("sentiment");
        Properties p = NlpModels.pipeline("tokenize,ssplit,pos,parse,sentiment");
        p.setProperty("ssplit.isOneSentence", "true");  // one chosen sentence at a time
        p.setProperty("parse.model", "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");
        p.setProperty("parse.binaryTrees", "true");
        // CoreNLP may cut a chosen sentence into a few more tokens than Parley does; a little room.
        p.setProperty("parse.maxlen", String.valueOf(MAX_SENTENCE_TOKENS + 20));
        this.pipeline = new StanfordCoreNLP(p);
    }

    /**
     * The sentences read, as [begin, end) offsets into the text: the budget's choice. A sentence of more than
     * {@link #MAX_SENTENCE_TOKENS} tokens is read as pieces of about even length, cut at clause boundaries where there
     * are some ({@link Sentences#clauses}); each piece counts as a sentence. Until the fortieth session such a sentence
     * was skipped, so a comment of one long sentence had no sentiment at all (seed 001's comment 349, 46 tokens).
     */
    static List<int[]> chosen(String text) {
        List<int[]> out = new ArrayList<>();
        int spent = 0;
        for (Sentences.Slice sentence : Sentences.slices(text, TextPipeline.standard().tokenize(text))) {
            for (Sentences.Slice s : Sentences.clauses(sentence, MAX_SENTENCE_TOKENS)) {
                if (s.end() - s.begin() > MAX_SENTENCE_CHARS) continue;  // a few very long words: a link, a run of symbols
                int n = 0;
                for (Token t : s.tokens()) if (Sentences.isWord(t)) n++;
                if (spent + n * n > BUDGET) return out;
                spent += n * n;
                out.add(new int[] {s.begin(), s.end()});
            }
        }
        return out;
    }

    public Sentiment analyse(String text) {
        double[] sum = new double[Sentiment.Label.values().length];
        double weight = 0;
        int sentences = 0;
        for (int[] span : chosen(text)) {
            CoreDocument doc = new CoreDocument(text.substring(span[0], span[1]));
            pipeline.annotate(doc);
            for (CoreSentence s : doc.sentences()) {
                Tree tree = s.coreMap().get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
                SimpleMatrix p = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
                if (p == null) continue;
                int w = s.tokens().size();
                for (int k = 0; k < sum.length; k++) sum[k] += w * p.get(k);
                weight += w;
                sentences++;
            }
        }
        if (weight == 0) return Sentiment.unread();
        Map<Sentiment.Label, Double> probs = new EnumMap<>(Sentiment.Label.class);
        Sentiment.Label best = Sentiment.Label.NEUTRAL;
        for (Sentiment.Label l : Sentiment.Label.values()) probs.put(l, sum[l.ordinal()] / weight);
        for (Sentiment.Label l : Sentiment.Label.values()) if (probs.get(l) > probs.get(best)) best = l;
        return new Sentiment(best, probs, sentences);
    }
}
