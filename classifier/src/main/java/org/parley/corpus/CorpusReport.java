package org.parley.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.label.Attribute;

/**
 * Prints, as a Markdown table, how many examples each toxicity corpus yields and, per attribute,
 * how many are labelled and how many positive (≥ 0.5); then the totals after de-duplication and
 * the dev split. Usage: {@code CorpusReport [training-data dir]}.
 */
public final class CorpusReport {
    private CorpusReport() {}

    public static void main(String[] args) throws IOException {
        Path root = args.length > 0 ? Path.of(args[0]) : Corpora.defaultRoot();
        System.out.print(render(root));
    }

    static String render(Path root) throws IOException {
        Map<String, List<Example>> perCorpus = new LinkedHashMap<>();
        for (String name : Corpora.toxicityNames()) perCorpus.put(name, Corpora.load(root, name));
        return render(perCorpus);
    }

    /** @param perCorpus what {@link Corpora#load} returned for each corpus, in {@link Corpora#toxicityNames()} order */
    static String render(Map<String, List<Example>> perCorpus) {
        List<Example> all = new ArrayList<>();
        perCorpus.values().forEach(all::addAll);
        Deduplicator.Result merged = Deduplicator.merge(all);
        return render(perCorpus, merged, DevSplit.split(merged.examples()));
    }

    /** As {@link #render(Map)}, for a caller that has already merged and split the examples. */
    static String render(Map<String, List<Example>> perCorpus, Deduplicator.Result merged, DevSplit.Split split) {
        StringBuilder out = new StringBuilder();
        out.append("| corpus | examples |");
        for (Attribute a : Attribute.values()) out.append(' ').append(a).append(" |");
        out.append("\n|---|---:|");
        out.append("---:|".repeat(Attribute.COUNT)).append('\n');
        List<Example> all = new ArrayList<>();
        perCorpus.forEach((name, examples) -> {
            all.addAll(examples);
            row(out, "`" + name + "`", examples);
        });
        row(out, "**all, before de-duplication**", all);
        row(out, "**all, de-duplicated**", merged.examples());
        row(out, "… train", split.train());
        row(out, "… dev", split.dev());
        out.append("\nCells: labelled / positive (≥ 0.5); – = unlabelled. ")
                .append(merged.merged()).append(" duplicate texts merged, ").append(merged.unlabelled())
                .append(" texts dropped whose every label was an even split between corpora; dev = ")
                .append(String.format(Locale.ROOT, "%.2f%%", 100.0 * split.dev().size() / merged.examples().size()))
                .append(" of the de-duplicated examples.\n");
        return out.toString();
    }

    private static void row(StringBuilder out, String label, List<Example> examples) {
        out.append("| ").append(label).append(" | ").append(String.format(Locale.ROOT, "%,d", examples.size())).append(" |");
        for (Attribute a : Attribute.values()) {
            long labelled = examples.stream().filter(e -> e.labels().has(a)).count();
            long positive = examples.stream().filter(e -> e.labels().positive(a)).count();
            out.append(' ').append(labelled == 0 ? "–" : String.format(Locale.ROOT, "%,d / %,d", labelled, positive)).append(" |");
        }
        out.append('\n');
    }
}
