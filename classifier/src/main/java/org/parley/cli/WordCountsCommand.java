package org.parley.cli;

import org.parley.corpus.Corpora;
import org.parley.corpus.DevSplit;
import org.parley.corpus.Example;
import org.parley.text.TextPipeline;
import org.parley.text.Token;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPOutputStream;

/**
 * scripts/word-counts: how often each plain word occurs in the toxicity training split (dev rows left out, as the
 * models never see them), as the normaliser writes it before its speller ({@link TextPipeline#unspelled()}), which
 * reads these counts to tell a word people write from a misspelt or glued insult.
 */
@Command(name = "word-counts", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class,
        footer = {"", "Example: scripts/word-counts",
                "(the script gives --output, the shipped list, and rewrites english-words.txt.gz beside it from Debian's",
                "wamerican and wbritish; its other arguments, --min say, come here)"},
        description = {"Counts the plain words (letters a-z) of the toxicity training split, as the normaliser writes them",
                "before its speller; writes \"word TAB count\" lines, commonest first, gzipped, of the words seen --min",
                "times or more."})
public final class WordCountsCommand implements Callable<Integer> {
    @Option(names = "--training-data", description = "corpora folder (default: ${DEFAULT-VALUE})")
    Path trainingData = Corpora.defaultRoot();

    @Option(names = "--output", required = true, description = "the gzipped file to write, e.g. classifier/src/main/resources/org/parley/text/word-counts.tsv.gz")
    Path output;

    @Option(names = "--min", description = "fewest sightings of a word kept (default: ${DEFAULT-VALUE})")
    int min = 3;

    public static void main(String[] args) {
        System.exit(Cli.execute(new WordCountsCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        if (min < 1) throw new IllegalArgumentException("--min must be at least 1, was " + min);
        Cli.checkOutputFile(output);
        Map<String, Integer> counts = count(DevSplit.split(Corpora.loadToxicity(trainingData)).train());
        try (OutputStream file = Files.newOutputStream(output);
             PrintWriter out = new PrintWriter(new GZIPOutputStream(file), false, StandardCharsets.UTF_8)) {
            counts.entrySet().stream().filter(e -> e.getValue() >= min)
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> out.print(e.getKey() + "\t" + e.getValue() + "\n"));
        }
        return 0;
    }

    static Map<String, Integer> count(Iterable<Example> examples) {
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : examples)
            for (Token t : TextPipeline.unspelled().tokenize(e.text()))
                if (t.text().chars().allMatch(c -> c >= 'a' && c <= 'z')) counts.merge(t.text(), 1, Integer::sum);
        return counts;
    }
}
