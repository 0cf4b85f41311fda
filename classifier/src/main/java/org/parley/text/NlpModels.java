package org.parley.text;

import java.util.Properties;

/**
 * Checks that CoreNLP's models jar is on the class path before a pipeline tries to load from it,
 * and starts the properties of the pipelines that use it (targets.TargetFinder's NER, sentiment.SentimentAnalyzer's parse).
 */
public final class NlpModels {
    /** The 3-class NER model (TargetFinder's), and a file only the models jar holds. */
    public static final String NER_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private NlpModels() {}

    public static boolean available() {
        return NlpModels.class.getClassLoader().getResource(NER_3CLASS) != null;
    }

    /**
     * A pipeline's properties: these annotators, and a tokenizer that drops characters it cannot
     * read, as CoreNLP's default does, without logging the first one ("Untokenizable: …"): a line
     * per comment, quoting a text that may have asked for doNotStore.
     */
    public static Properties pipeline(String annotators) {
        Properties p = new Properties();
        p.setProperty("annotators", annotators);
        p.setProperty("tokenize.options", "untokenizable=noneDelete");
        return p;
    }

    /** @throws IllegalStateException naming the missing jar */
    public static void require(String what) {
        if (!available())
            throw new IllegalStateException(what + " needs CoreNLP's models jar (edu.stanford.nlp:stanford-corenlp:models) on the class path");
    }
}
