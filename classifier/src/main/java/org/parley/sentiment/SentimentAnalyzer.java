package org.parley.sentiment;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.sentiment.SentimentCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.ejml.simple.SimpleMatrix;
import org.parley.targets.NlpModels;

/**
 * CoreNLP's sentiment model (recursive network over a binarised parse) for the optional
 * {@code SENTIMENT} attribute. A parse costs ~60–100 ms a comment and ~1 GB of heap
 * (DEPENDENCIES.md), so nothing builds this unless sentiment is asked for. A comment's
 * distribution is the mean of its sentences', weighted by their length; sentences longer than
 * {@link #MAX_SENTENCE_TOKENS} are not parsed (too slow) and do not count. Thread-safe.
 */
public final class SentimentAnalyzer {
    static final int MAX_SENTENCE_TOKENS = 80;
    private final StanfordCoreNLP pipeline;

    public SentimentAnalyzer() {
        NlpModels.require("sentiment");
        Properties p = NlpModels.pipeline("tokenize,ssplit,pos,parse,sentiment");
        p.setProperty("parse.model", "edu/stanford/nlp/models/lexparser/englishPCFG.ser.gz");
        p.setProperty("parse.binaryTrees", "true");
        p.setProperty("parse.maxlen", String.valueOf(MAX_SENTENCE_TOKENS));
        this.pipeline = new StanfordCoreNLP(p);
    }

    public Sentiment analyse(String text) {
        CoreDocument doc = new CoreDocument(text);
        pipeline.annotate(doc);
        double[] sum = new double[Sentiment.Label.values().length];
        double weight = 0;
        for (CoreSentence s : doc.sentences()) {
            Tree tree = s.coreMap().get(SentimentCoreAnnotations.SentimentAnnotatedTree.class);
            SimpleMatrix p = tree == null ? null : RNNCoreAnnotations.getPredictions(tree);
            if (p == null || s.tokens().size() > MAX_SENTENCE_TOKENS) continue;
            int w = s.tokens().size();
            for (int k = 0; k < sum.length; k++) sum[k] += w * p.get(k);
            weight += w;
        }
        Map<Sentiment.Label, Double> probs = new EnumMap<>(Sentiment.Label.class);
        Sentiment.Label best = Sentiment.Label.NEUTRAL;
        for (Sentiment.Label l : Sentiment.Label.values()) {
            // No sentence could be read: neutral with certainty rather than an invented distribution.
            double v = weight == 0 ? (l == Sentiment.Label.NEUTRAL ? 1 : 0) : sum[l.ordinal()] / weight;
            probs.put(l, v);
        }
        for (Sentiment.Label l : Sentiment.Label.values()) if (probs.get(l) > probs.get(best)) best = l;
        return new Sentiment(best, probs);
    }
}
