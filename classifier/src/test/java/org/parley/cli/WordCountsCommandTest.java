package org.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.Example;
import org.parley.label.Labels;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.*;

/** scripts/word-counts: the words as readers write them, which is what the speller asks about. */
class WordCountsCommandTest {
    @Test
    void countsPlainWordsAsTheNormaliserWritesThemBeforeTheSpeller() {
        Map<String, Integer> counts = WordCountsCommand.count(List.of(
                new Example("t", "1", "You are anidiot, you IDIOT!", Labels.none()),
                new Example("t", "2", "An id1ot. Mail me at a@b.example", Labels.none()),
                new Example("t", "3", "zany zebras", Labels.none())));
        assertEquals(1, counts.get("zany"), "z is a letter too");
        assertEquals(1, counts.get("anidiot"), "counted whole: the speller would split it");
        assertEquals(2, counts.get("idiot"), "lower-cased, and the leet spelling read as the normaliser reads it");
        assertEquals(2, counts.get("you"));
        assertNull(counts.get(","), "letters a-z only");
        assertNull(counts.get("<email>"), "placeholders are no words");
    }

    @Test
    void writesTheWordsSeenOftenEnoughCommonestFirst(@TempDir Path dir) throws Exception {
        Path corpora = Path.of(WordCountsCommandTest.class.getResource("/corpus").toURI());
        Path out = dir.resolve("counts.tsv.gz");
        assertEquals(0, Cli.execute(new WordCountsCommand(), "--training-data", corpora.toString(), "--output", out.toString(), "--min", "2"));
        List<String> lines;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(out)), StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
        assertFalse(lines.isEmpty());
        int previous = Integer.MAX_VALUE;
        String previousWord = "";
        Map<String, Integer> written = new java.util.HashMap<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            assertTrue(f[0].matches("[a-z]+"), line);
            int n = Integer.parseInt(f[1]);
            assertTrue(n >= 2 && n <= previous, line);
            assertTrue(n < previous || f[0].compareTo(previousWord) > 0, "words seen as often in their alphabetical order: " + line);
            previous = n;
            previousWord = f[0];
            written.put(f[0], n);
        }
        // Every word of the training split seen twice or more, those seen exactly twice too, and the dev rows' words
        // not counted: the models never read them.
        List<org.parley.corpus.Example> all = org.parley.corpus.Corpora.loadToxicity(corpora);
        Map<String, Integer> train = WordCountsCommand.count(org.parley.corpus.DevSplit.split(all).train());
        train.values().removeIf(n -> n < 2);
        assertEquals(train, written);
        assertTrue(written.containsValue(2), "the fixture has words seen exactly --min times");
        Map<String, Integer> withDev = WordCountsCommand.count(all);
        assertTrue(written.entrySet().stream().anyMatch(e -> withDev.get(e.getKey()) > e.getValue()), "the dev rows hold some of these words");
        assertEquals(0, Cli.execute(new WordCountsCommand(), "--training-data", corpora.toString(), "--output", out.toString(), "--min", "1"));
        Printed folder = Printed.err(() -> Cli.execute(new WordCountsCommand(), "--training-data", corpora.toString(), "--output", dir.toString()));
        assertEquals(2, folder.code());
        assertTrue(folder.text().contains("--output " + dir + " is a folder"), "refused before the corpora are read: " + folder.text());
        assertEquals(2, Cli.execute(new WordCountsCommand(), "--training-data", corpora.toString(), "--output", out.toString(), "--min", "0"));
    }
}
