package org.parley.targets;

/** Checks that CoreNLP's models jar is on the class path before a pipeline tries to load from it. */
public final class NlpModels {
    static final String NER_3CLASS = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private NlpModels() {}

    public static boolean available() {
        return NlpModels.class.getClassLoader().getResource(NER_3CLASS) != null;
    }

    /** @throws IllegalStateException naming the missing jar */
    public static void require(String what) {
        if (!available())
            throw new IllegalStateException(what + " needs CoreNLP's models jar (edu.stanford.nlp:stanford-corenlp:models) on the class path");
    }
}
