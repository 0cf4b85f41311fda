package org.parley.explain;

import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How often human annotators marked each normalised word as toxic: (times inside a gold span) /
 * (times seen + 1), learned from the SemEval-2021 Task 5 training posts. The +1 shrinks words seen
 * once or twice. It catches what occlusion misses: in "stupid idiot" each word alone hardly moves
 * a saturated score, but both are words annotators mark.
 */
public final class SpanLexicon {
    static final String RESOURCE = "/org/parley/explain/span-lexicon.tsv";
    /** Words seen fewer times than this are left out of the saved file: too little evidence. */
    static final int MIN_COUNT = 3;

    private final Map<String, Float> rates;

    SpanLexicon(Map<String, Float> rates) {
        this.rates = Map.copyOf(rates);
    }

    public static SpanLexicon empty() {
        return new SpanLexicon(Map.of());
    }

    /** The lexicon shipped in the jar (written by {@code scripts/evaluate-spans --write-lexicon}). */
    public static SpanLexicon standard() {
        try (InputStream in = SpanLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " missing from the classpath");
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public float rate(String form) {
        return rates.getOrDefault(form, 0f);
    }

    public int size() {
        return rates.size();
    }

    /** Counts, per normalised word, how often most of its characters lie inside a gold span. */
    static SpanLexicon learn(List<String> texts, List<BitSet> gold, TextPipeline pipeline) {
        Map<String, int[]> counts = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            for (Token t : pipeline.tokenize(texts.get(i))) {
                if (!SpanExplainer.isWord(t)) continue;
                int inside = gold.get(i).get(t.begin(), t.end()).cardinality();
                int[] c = counts.computeIfAbsent(t.text(), k -> new int[2]);
                c[0]++;
                if (2 * inside > t.end() - t.begin()) c[1]++;
            }
        }
        Map<String, Float> rates = new HashMap<>();
        counts.forEach((form, c) -> {
            if (c[0] >= MIN_COUNT && c[1] > 0) rates.put(form, (float) c[1] / (c[0] + 1));
        });
        return new SpanLexicon(rates);
    }

    /** Whole or not at all ({@link org.parley.io.AtomicFile}): a failure names the file and leaves no half lexicon under it. */
    void write(Path file) throws IOException {
        org.parley.io.AtomicFile.write(file, os -> {
            Writer out = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8);
            out.write("# word\trate: share of its occurrences inside human toxic spans (SemEval-2021 Task 5 train), shrunk by +1\n");
            for (Map.Entry<String, Float> e : new TreeMap<>(rates).entrySet())
                out.write(e.getKey() + "\t" + String.format(Locale.ROOT, "%.4f", e.getValue()) + "\n");
            out.flush();
        });
    }

    static SpanLexicon read(BufferedReader in) throws IOException {
        Map<String, Float> rates = new HashMap<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty() || line.startsWith("#")) continue;
            int tab = line.lastIndexOf('\t');
            rates.put(line.substring(0, tab), Float.parseFloat(line.substring(tab + 1)));
        }
        return new SpanLexicon(rates);
    }
}
