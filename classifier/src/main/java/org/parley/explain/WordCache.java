package org.parley.explain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The explainer's words (occlusion weight and lexicon rate) of the tuning and dev posts, saved so
 * that evaluate-spans can compare span taggers without paying the occlusion pass again. Valid only
 * for the model bundle and lexicon that wrote it: a development aid (evaluate-spans --words).
 */
final class WordCache {
    private WordCache() {}

    /** Lines "set post begin end weight rate"; set 0 is tuning, 1 dev; a post with no word gets a line with begin -1. */
    static void write(Path file, List<List<List<SpanExplainer.Word>>> sets) throws IOException {
        org.parley.io.AtomicFile.write(file, os -> { // whole, or a failure naming the file
            Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(os, java.nio.charset.StandardCharsets.UTF_8));
            for (int s = 0; s < sets.size(); s++)
                for (int p = 0; p < sets.get(s).size(); p++) {
                    out.write(String.format(Locale.ROOT, "%d %d -1 -1 0 0%n", s, p));
                    for (SpanExplainer.Word w : sets.get(s).get(p))
                        out.write(String.format(Locale.ROOT, "%d %d %d %d %s %s%n", s, p, w.span().begin(), w.span().end(),
                                Float.toString(w.span().weight()), Float.toString(w.rate())));
                }
            out.flush();
        });
    }

    static List<List<List<SpanExplainer.Word>>> read(Path file) throws IOException {
        List<List<List<SpanExplainer.Word>>> sets = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(" ");
                int s = Integer.parseInt(f[0]), p = Integer.parseInt(f[1]), begin = Integer.parseInt(f[2]);
                while (sets.size() <= s) sets.add(new ArrayList<>());
                while (sets.get(s).size() <= p) sets.get(s).add(new ArrayList<>());
                if (begin >= 0) sets.get(s).get(p).add(new SpanExplainer.Word(
                        new Span(begin, Integer.parseInt(f[3]), Float.parseFloat(f[4])), Float.parseFloat(f[5])));
            }
        }
        return sets;
    }
}
