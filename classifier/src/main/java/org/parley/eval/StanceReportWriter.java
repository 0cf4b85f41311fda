package org.parley.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.io.AtomicFile;

/**
 * Writes the report folder of {@code scripts/evaluate --task stance}: {@code report.html} and
 * {@code metrics.json} (the JSON the command prints). For each model in that JSON (the bundle, its
 * parts alone, {@code compare}, the baselines) and each part measured (target stance on the data,
 * on the held-out targets; reply stance), a table of F_avg / macro-F1 / accuracy overall, per corpus
 * and per target, each with its 95% interval where the JSON holds one, and a confusion matrix (gold ×
 * predicted, counts) of each of those rows; with a file, which of its targets the bundle was trained on
 * ({@code targetsInTraining}). The page is drawn from the JSON, so it shows the figures
 * the JSON holds and no others. The folder is replaced whole, as {@link ReportWriter}'s is ({@link ReportFolder}): a
 * failure half-way leaves the last report as it was, and a toxicity report's plots written there before go with it.
 *
 * <p>Corpus, target and model names are data: every string that reaches the page is escaped.
 */
public final class StanceReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A part of a model's figures: its JSON field, its heading, and the figures of its table. */
    private record Part(String field, String title, List<String> figures) {}

    private StanceReportWriter() {}

    /**
     * Writes the report of {@code metrics} into {@code dir} (made, or replaced whole: {@link ReportFolder}), the rows having
     * been read from {@code data} (a file, or the dev split); returns report.html.
     */
    public static Path write(Path dir, JsonNode metrics, String data) throws IOException {
        ReportFolder.write(dir, folder -> writeInto(folder, metrics, data));
        return dir.resolve(ReportWriter.HTML);
    }

    /** The page and the JSON, into a new, empty folder: no plot of a toxicity report written there before comes with them. */
    private static void writeInto(Path dir, JsonNode metrics, String data) throws IOException {
        AtomicFile.write(dir.resolve(ReportWriter.JSON), out -> MAPPER.writeValue(out, metrics));
        List<Part> parts = List.of(
                new Part("targetStanceDev", "Target stance on " + data, List.of("fAvg", "macroF1", "accuracy")),
                new Part("targetStanceHeldOut", "Target stance on the held-out targets (not seen in training)",
                        List.of("fAvg", "macroF1", "accuracy")),
                new Part("replyStanceDev", "Reply stance on " + data, List.of("accuracy", "macroF1")));
        StringBuilder html = new StringBuilder(32_768);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Parley stance evaluation: ").append(esc(metrics.path("model").asText("baselines")))
                .append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}\n")
                .append("th,td{border:1px solid #ccc;padding:3px 8px}td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("th{background:#f3f3f3}.matrices{display:flex;flex-wrap:wrap;gap:0 1.5em}caption{text-align:left}\n")
                .append("</style>\n</head>\n<body>\n<h1>Stance evaluation</h1>\n<p>");
        if (metrics.has("model")) html.append("Model: <code>").append(esc(metrics.get("model").asText())).append("</code>. ");
        if (metrics.has("compared")) html.append("Compared with: <code>").append(esc(metrics.get("compared").asText())).append("</code>. ");
        html.append("Data: ").append(esc(data)).append(". F_avg is SemEval-2016's mean F1 of FAVOR and AGAINST (0&ndash;100). ");
        if (metrics.path("resamples").asInt() > 0)
            html.append("In brackets, each figure's 95% interval from ").append(metrics.get("resamples").asInt())
                    .append(" bootstrap draws (a thread's replies, and the rows of one text, drawn together). ");
        html.append("The paired differences are in <code>").append(ReportWriter.JSON).append("</code>.</p>\n");
        // Whether this checkout reads text as the bundles' training did (model.PipelineCheck): the figures hold for that pipeline.
        for (String check : List.of("textPipeline", "comparedTextPipeline"))
            if (metrics.has(check)) html.append("<p>Text pipeline: ").append(esc(metrics.get(check).path("message").asText())).append("</p>\n");
        if (metrics.has("targetsInTraining")) targetsInTraining(html, metrics.get("targetsInTraining"));
        boolean first = true;
        for (Map.Entry<String, JsonNode> model : fields(metrics)) {
            if (parts.stream().noneMatch(p -> model.getValue().path(p.field()).has("perClass"))) continue;
            // Each model folds away; the first (the bundle, or the first baseline) is open.
            html.append(first ? "<details open>" : "<details>").append("\n<summary><h2 style=\"display:inline\">")
                    .append(esc(model.getKey())).append("</h2></summary>\n");
            first = false;
            for (Part p : parts) {
                JsonNode part = model.getValue().path(p.field());
                if (part.has("perClass")) part(html, p, part);
            }
            html.append("</details>\n");
        }
        html.append("</body>\n</html>\n");
        AtomicFile.write(dir.resolve(ReportWriter.HTML), out -> out.write(html.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Which of the file's targets the model was trained on, or the note of a bundle that does not record them. */
    private static void targetsInTraining(StringBuilder html, JsonNode seen) {
        html.append("<h2>Targets in training</h2>\n");
        if (!seen.path("recorded").asBoolean()) {
            html.append("<p>").append(esc(seen.path("note").asText())).append(".</p>\n");
            return;
        }
        html.append("<p>An unseen target is read from its words alone, as the held-out targets are.</p>\n")
                .append("<table>\n<thead>\n<tr><th>Target</th><th>In training</th></tr>\n</thead>\n<tbody>\n");
        for (Map.Entry<String, JsonNode> t : fields(seen.path("targets"))) {
            String in = t.getValue().path("seen").asBoolean()
                    ? String.format(Locale.ROOT, "seen (%,d training rows)", t.getValue().path("trainingRows").asInt()) : "unseen";
            html.append("<tr><td>").append(esc(t.getKey())).append("</td><td>").append(in).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** The part's figures table, then a confusion matrix for each of its rows. */
    private static void part(StringBuilder html, Part p, JsonNode part) {
        List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
        rows.add(Map.entry("all", part));
        for (Map.Entry<String, JsonNode> c : fields(part.path("perCorpus"))) rows.add(Map.entry("corpus " + c.getKey(), c.getValue()));
        for (Map.Entry<String, JsonNode> t : fields(part.path("perTarget"))) rows.add(Map.entry("target " + t.getKey(), t.getValue()));
        html.append("<h3>").append(esc(p.title())).append("</h3>\n<table>\n<thead>\n<tr><th>Rows</th><th>n</th>");
        for (String f : p.figures()) html.append("<th>").append(heading(f)).append("</th>");
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (Map.Entry<String, JsonNode> r : rows) {
            html.append("<tr><td>").append(esc(r.getKey())).append("</td><td class=\"num\">").append(r.getValue().path("n").asInt()).append("</td>");
            for (String f : p.figures())
                html.append("<td class=\"num\">").append(figure(f, r.getValue().path(f), r.getValue().path("interval95").path(f))).append("</td>");
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n<div class=\"matrices\">\n");
        for (Map.Entry<String, JsonNode> r : rows) matrix(html, r.getKey(), r.getValue().path("perClass"));
        html.append("</div>\n");
    }

    /** Gold classes down, predicted across, counts in the cells; the last column is each gold class's total. */
    private static void matrix(StringBuilder html, String name, JsonNode perClass) {
        List<String> classes = new ArrayList<>();
        perClass.fieldNames().forEachRemaining(classes::add);
        html.append("<table class=\"confusion\">\n<caption>").append(esc(name)).append("</caption>\n")
                .append("<thead>\n<tr><th>gold \\ predicted</th>");
        for (String c : classes) html.append("<th>").append(esc(c)).append("</th>");
        html.append("<th>total</th></tr>\n</thead>\n<tbody>\n");
        for (String gold : classes) {
            JsonNode row = perClass.get(gold);
            html.append("<tr><th>").append(esc(gold)).append("</th>");
            for (String predicted : classes) html.append("<td class=\"num\">").append(row.path("predicted").path(predicted).asInt()).append("</td>");
            html.append("<td class=\"num\">").append(row.path("gold").asInt()).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String heading(String figure) {
        return switch (figure) {
            case "fAvg" -> "F_avg";
            case "macroF1" -> "macro-F1";
            default -> figure;
        };
    }

    /** F_avg is on SemEval's 0–100 scale, the others 0–1; then the interval, where there is one ({@code [low, high]}). */
    private static String figure(String name, JsonNode v, JsonNode interval) {
        if (!defined(v)) return "&ndash;";
        String format = name.equals("fAvg") ? "%.2f" : "%.4f";
        String out = String.format(Locale.ROOT, format, v.asDouble());
        if (interval.size() == 2 && defined(interval.get(0)) && defined(interval.get(1)))
            out += String.format(Locale.ROOT, " [" + format + ", " + format + "]", interval.get(0).asDouble(), interval.get(1).asDouble());
        return out;
    }

    private static boolean defined(JsonNode v) {
        return v.isNumber() && !Double.isNaN(v.asDouble());
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        node.fields().forEachRemaining(out::add);
        return out;
    }

    private static String esc(String s) {
        return ReportWriter.esc(s);
    }
}
