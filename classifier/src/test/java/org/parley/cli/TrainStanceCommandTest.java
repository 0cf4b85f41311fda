package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.ReplyCorpora;
import org.parley.corpus.StanceCorpora;
import org.parley.corpus.StanceExample;
import org.parley.label.Stance;

/** scripts/train --task stance on the test corpora, with networks small enough to train in seconds. */
class TrainStanceCommandTest {
    @TempDir Path dir;

    /**
     * A stance data scientist's audit: a stance run dropped the training rows that copy a dev or
     * held-out text without a word (read by difference from its counts), where toxicity's says how many.
     */
    @Test
    void saysHowManyTrainingTextsItDroppedAsCopiesOfMeasuredOnes() throws Exception {
        Path data = corpora();
        // P-Stance's training split copies the held-out "Vote Hillary!" of SemEval, in another spelling.
        String copy = "Vote Hillary!";
        while (StanceCorpora.isDev(new StanceExample("pstance", "", copy, "Joe Biden", Stance.FAVOR))) copy += "!";
        Files.writeString(data.resolve("pstance/raw_train_all.csv"), copy + ",Joe Biden,FAVOR\n", java.nio.file.StandardOpenOption.APPEND);
        String err = train("--data", data.toString(), "--output", dir.resolve("st.zip").toString());
        assertTrue(err.contains("(1 training texts dropped: they repeat a dev or held-out text)"), err);
    }

    /**
     * The stance and reply corpora of the test resources, in a folder of their own that a test may
     * change, with 30 more reply threads so that the reply model has dev threads to choose an epoch on.
     */
    private Path corpora() throws Exception {
        Path from = Path.of(getClass().getResource("/corpus").toURI()), to = dir.resolve("data");
        List<String> names = new ArrayList<>(StanceCorpora.NAMES);
        names.addAll(ReplyCorpora.NAMES);
        for (String name : names) {
            Files.createDirectories(to.resolve(name));
            try (var files = Files.list(from.resolve(name))) {
                for (Path f : files.toList()) Files.copy(f, to.resolve(name).resolve(f.getFileName()));
            }
        }
        StringBuilder threads = new StringBuilder();
        String[] labels = {"support", "deny", "query", "comment"};
        for (int t = 10; t < 40; t++)
            threads.append("train,twitter,e,%d,%d,,0,support,Rumour %d spreads,Rumour %d spreads,1%n".formatted(t, t * 100, t, t))
                    .append("train,twitter,e,%d,%d,%d,1,%s,Reply %s to rumour %d,Rumour %d spreads,1%n"
                            .formatted(t, t * 100 + 1, t * 100, labels[t % 4], labels[t % 4], t, t));
        Files.writeString(to.resolve("rumoureval2019/rumoureval2019_subtaskA_train_dev.csv"), threads, java.nio.file.StandardOpenOption.APPEND);
        return to;
    }

    /** Runs a quick training (small networks, one epoch, no sentence part) and returns what it wrote on stderr. */
    static String train(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of("--no-sentence", "--epochs", "1", "--reply-epochs", "1", "--embedding", "8", "--hidden", "8"));
        all.addAll(List.of(args));
        ByteArrayOutputStream err = new ByteArrayOutputStream(), out = new ByteArrayOutputStream();
        PrintStream wasErr = System.err, wasOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Cli.execute(new TrainStanceCommand(), all.toArray(String[]::new)), () -> err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(wasErr);
            System.setOut(wasOut);
        }
        return err.toString(StandardCharsets.UTF_8);
    }
}
