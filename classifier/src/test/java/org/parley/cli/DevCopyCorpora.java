package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.parley.corpus.Corpora;
import org.parley.corpus.DevSplit;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;

/**
 * Two corpora for the runs that train on part of the data (--corpus, --sample): Kaggle's 300 insults and replies,
 * one more row a copy (other punctuation, so another hash) of a dev text that Jigsaw, left out of the run, holds.
 * A partial run must not train on that copy, nor its baselines.
 */
final class DevCopyCorpora {
    static final String TRAINED = "kaggle_insults_impermium";

    private DevCopyCorpora() {}

    /** Writes the two corpora under {@code root}. */
    static void write(Path root) throws IOException {
        String devText = null, copy = null;
        for (int i = 0; devText == null || copy == null; i++) {
            String t = "point " + i + " of the report is wrong";
            if (devText == null && isDev(t)) devText = t;
            if (devText != null && copy == null && !isDev(devText + "!!")) copy = devText + "!!";
        }
        StringBuilder kaggle = new StringBuilder("Insult,Date,Comment\n");
        for (int i = 0; i < 150; i++) {
            kaggle.append("1,20120618192155Z,\"you absolute idiot number ").append(i).append("\"\n");
            kaggle.append("0,20120618192155Z,\"a fair reply to comment ").append(i).append("\"\n");
        }
        kaggle.append("0,20120618192155Z,\"").append(copy).append("\"\n");
        Files.createDirectories(root.resolve(TRAINED));
        Files.writeString(root.resolve(TRAINED + "/train.csv"), kaggle);
        Files.createDirectories(root.resolve("jigsaw_toxic_partial"));
        Files.writeString(root.resolve("jigsaw_toxic_partial/train.csv"),
                "id,comment_text,toxic,severe_toxic,obscene,threat,insult,identity_hate\nx1,\"" + devText + "\",0,0,0,0,0,0\n");
    }

    /** Kaggle's rows on the training side of the whole dev split, the copy among them. */
    static long trainSide(Path root) throws IOException {
        return Corpora.load(root, TRAINED).stream().filter(e -> !DevSplit.isDev(e)).count();
    }

    private static boolean isDev(String text) {
        return DevSplit.isDev(new Example("test", "0", text, Labels.of(Map.of(Attribute.INSULT, 0))));
    }
}
