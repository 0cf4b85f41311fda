package org.parley.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.google.common.html.HtmlEscapers;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.parley.io.AtomicFile;
import org.parley.label.Attribute;

/**
 * Writes a report directory a person can open: {@code report.html} (per-attribute and per-source
 * tables, models side by side, the best figure of each row in bold), one ROC plot per attribute
 * ({@code roc-toxicity.png}, …, its title and caption giving the rows and positives it is drawn from) and {@code metrics.json} (a JSON array of the evaluations, in
 * column order). The folder is replaced whole ({@link ReportFolder}): every file is written into a new hidden folder
 * beside it, which then takes its place, so a failure half-way leaves the last report as it was and names the folder and
 * the cause, and no plot of the last report (an attribute, a section this one lacks) stays beside this one. A folder
 * holding files a report does not is refused, never written into. Further comparisons (a {@link Section} each: {@code scripts/evaluate --compare}'s
 * {@code --file}s) follow the first, each titled with its data and rows, with its own table, intervals and plots
 * ({@code file-1-roc-toxicity.png}, …); the first comparison's per-source table ends its part.
 *
 * <p>Every string that reaches the page is HTML-escaped: corpus and model names come from files
 * and command lines, not from us.
 */
public final class ReportWriter {
    public static final String HTML = "report.html";
    public static final String JSON = "metrics.json";

    static {
        // Plots are drawn on build and CI machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {}

    /** Writes the report for the compared models into {@code dir} (made, or replaced whole); returns report.html. */
    public static Path write(Path dir, Comparison comparison) throws IOException {
        return write(dir, comparison, List.of());
    }

    /**
     * The report with a table of 95% bootstrap intervals after the per-attribute one: the models'
     * own ROC-AUCs and their differences, one column per result.
     */
    public static Path write(Path dir, Comparison comparison, List<RocAucBootstrap.Result> intervals) throws IOException {
        return write(dir, comparison, intervals, List.of());
    }

    /**
     * As {@link #write(Path, Comparison, List)}, with what the bundles' text-pipeline checks found
     * ({@code model.PipelineCheck}) under the heading: the figures hold for the pipeline a bundle was trained with.
     */
    public static Path write(Path dir, Comparison comparison, List<RocAucBootstrap.Result> intervals, List<String> pipelineChecks)
            throws IOException {
        return write(dir, comparison, intervals, pipelineChecks, List.of());
    }

    /** As {@link #write(Path, Comparison, List, List)}, with a paragraph for each of {@code notes} (what the rows are) under the checks. */
    public static Path write(Path dir, Comparison comparison, List<RocAucBootstrap.Result> intervals, List<String> pipelineChecks,
                             List<String> notes) throws IOException {
        return write(dir, comparison, intervals, pipelineChecks, notes, List.of());
    }

    /**
     * A further comparison on rows of its own, shown below the first: {@code name} (a file's path) titles its part and
     * its plots, {@code note} (null: none) says more of its rows, {@code intervals} as for the first.
     */
    public record Section(String name, String note, Comparison comparison, List<RocAucBootstrap.Result> intervals) {}

    /** As {@link #write(Path, Comparison, List, List, List)}, with each of {@code sections} after the first comparison. */
    public static Path write(Path dir, Comparison comparison, List<RocAucBootstrap.Result> intervals, List<String> pipelineChecks,
                             List<String> notes, List<Section> sections) throws IOException {
        ReportFolder.write(dir, folder -> writeInto(folder, comparison, intervals, pipelineChecks, notes, sections));
        return dir.resolve(HTML);
    }

    /** The report's files, into a new, empty folder: no file of an earlier report is there to remove. */
    private static void writeInto(Path dir, Comparison comparison, List<RocAucBootstrap.Result> intervals, List<String> pipelineChecks,
                                  List<String> notes, List<Section> sections) throws IOException {
        AtomicFile.write(dir.resolve(JSON), out -> MAPPER.writeValue(out, comparison.evaluations()));
        StringBuilder html = new StringBuilder(16_384);
        head(html, comparison);
        for (String check : pipelineChecks) html.append("<p>Text pipeline: ").append(esc(check)).append("</p>\n");
        for (String note : notes) html.append("<p>").append(esc(note)).append("</p>\n");
        attributesAndCurves(html, dir, comparison, intervals, "h2", "", null);
        html.append("<h2>Per source</h2>\n")
                .append("<p>Within one corpus a model cannot score by telling corpora apart. Few positives ")
                .append("make a figure noisy: read it with its n.</p>\n");
        table(html, comparison, comparison.sourceRows(), true);
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            html.append("<h2>Comparison on ").append(esc(s.name())).append(": ").append(s.comparison().n()).append(" rows</h2>\n");
            if (s.note() != null) html.append("<p>").append(esc(s.note())).append("</p>\n");
            meanLine(html, s.comparison());
            attributesAndCurves(html, dir, s.comparison(), s.intervals(), "h3", "file-" + (i + 1) + "-", s.name());
        }
        html.append("</body>\n</html>\n");
        AtomicFile.write(dir.resolve(HTML), out -> out.write(html.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static Path write(Path dir, Evaluation... evaluations) throws IOException {
        return write(dir, Comparison.of(evaluations));
    }

    /**
     * A comparison's per-attribute table, its intervals and its ROC plots (named with {@code prefix}, titled with
     * {@code on} unless null), under headings of level {@code h}: the first comparison's part and each section's.
     */
    private static void attributesAndCurves(StringBuilder html, Path dir, Comparison comparison, List<RocAucBootstrap.Result> intervals,
                                            String h, String prefix, String on) throws IOException {
        html.append('<').append(h).append(">Per attribute</").append(h).append(">\n");
        table(html, comparison, comparison.attributeRows(), false);
        if (!intervals.isEmpty()) intervals(html, intervals, h);
        html.append('<').append(h).append(">ROC curves</").append(h).append(">\n<div class=\"plots\">\n");
        for (Attribute a : Attribute.values()) {
            XYChart chart = chart(a, comparison, on);
            Path plot = dir.resolve(prefix + plotName(a));
            if (chart == null) continue;
            AtomicFile.write(plot, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
            String counts = esc(a.name() + ": " + counts(comparison.evaluations().get(0).attribute(a)));
            html.append("<figure><img src=\"").append(esc(prefix + plotName(a))).append("\" alt=\"ROC curves for ").append(counts)
                    .append("\" width=\"480\"><figcaption>").append(counts).append("</figcaption></figure>\n");
        }
        html.append("</div>\n");
    }

    static String plotName(Attribute a) {
        return "roc-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-') + ".png";
    }

    /** Escapes text for an HTML element body or a double- or single-quoted attribute (Guava's escaper). */
    static String esc(String s) {
        return HtmlEscapers.htmlEscaper().escape(s);
    }

    private static void head(StringBuilder html, Comparison c) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Parley evaluation: ").append(esc(String.join(", ", c.models()))).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1em}\n")
                .append("th,td{border:1px solid #ccc;padding:3px 8px}td.num{text-align:right;font-variant-numeric:tabular-nums}\n")
                .append("th{background:#f3f3f3}.plots figure{display:inline-block;margin:4px}\n")
                .append("</style>\n</head>\n<body>\n<h1>Evaluation</h1>\n<p>Models: ");
        List<String> models = c.models();
        for (int i = 0; i < models.size(); i++) {
            html.append(i == 0 ? "" : ", ").append("<code>").append(esc(models.get(i))).append("</code>");
        }
        html.append(". Rows: ").append(c.n()).append(" (split <code>").append(esc(c.split()))
                .append("</code>). An attribute counts only rows labelled for it; label &ge; 0.5 is positive.</p>\n");
        meanLine(html, c);
    }

    private static void meanLine(StringBuilder html, Comparison c) {
        List<String> models = c.models();
        html.append("<p>Mean ROC-AUC over attributes with both classes: ");
        double[] mean = c.meanRocAuc();
        Set<Integer> best = mean.length > 1 ? Comparison.best(mean) : Set.of();
        for (int i = 0; i < models.size(); i++) {
            html.append(i == 0 ? "" : ", ").append(esc(models.get(i))).append(' ');
            cellText(html, mean[i], best.contains(i));
        }
        html.append(".</p>\n");
    }

    private static void table(StringBuilder html, Comparison c, List<Comparison.Row> rows, boolean bySource) {
        List<String> models = c.models();
        int m = models.size();
        html.append("<table>\n<thead>\n<tr>");
        if (bySource) html.append("<th rowspan=\"2\">Source</th>");
        html.append("<th rowspan=\"2\">Attribute</th><th rowspan=\"2\">n</th><th rowspan=\"2\">Positives</th>")
                .append("<th colspan=\"").append(m).append("\">ROC-AUC</th>")
                .append("<th colspan=\"").append(m).append("\">PR-AUC (AP)</th></tr>\n<tr>");
        for (int k = 0; k < 2; k++) for (String model : models) html.append("<th>").append(esc(model)).append("</th>");
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (Comparison.Row r : rows) {
            html.append("<tr>");
            if (bySource) html.append("<td>").append(esc(r.source())).append("</td>");
            html.append("<td>").append(esc(r.attribute().name())).append("</td>")
                    .append("<td class=\"num\">").append(r.n()).append("</td>")
                    .append("<td class=\"num\">").append(r.positives()).append("</td>");
            cells(html, r.rocAuc());
            cells(html, r.prAuc());
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void intervals(StringBuilder html, List<RocAucBootstrap.Result> results, String h) {
        html.append('<').append(h).append(">How sure</").append(h).append(">\n<p>ROC-AUC with its 95% interval from ").append(results.get(0).resamples())
                .append(" bootstrap draws of the rows; differences are paired (both models scored on the same draws). ")
                .append("A difference in bold has an interval that excludes 0: more than noise on these rows.</p>\n")
                .append("<table>\n<thead>\n<tr><th>Attribute</th>");
        for (RocAucBootstrap.Result r : results) html.append("<th>").append(esc(RocAucBootstrap.title(r))).append("</th>");
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (Attribute a : Attribute.values()) {
            if (!results.get(0).attributes().containsKey(a)) continue;
            intervalRow(html, a.name(), results, r -> r.attributes().get(a));
        }
        intervalRow(html, "mean", results, RocAucBootstrap.Result::mean);
        html.append("</tbody>\n</table>\n");
    }

    private static void intervalRow(StringBuilder html, String name, List<RocAucBootstrap.Result> results,
                                    java.util.function.Function<RocAucBootstrap.Result, Bootstrap.Interval> pick) {
        html.append("<tr><td>").append(esc(name)).append("</td>");
        for (RocAucBootstrap.Result r : results) {
            Bootstrap.Interval i = pick.apply(r);
            String text = i == null ? "&ndash;" : esc(RocAucBootstrap.figure(r, i));
            boolean bold = i != null && r.against() != null && i.excludesZero();
            html.append("<td class=\"num\">").append(bold ? "<b>" + text + "</b>" : text).append("</td>");
        }
        html.append("</tr>\n");
    }

    private static void cells(StringBuilder html, double[] values) {
        Set<Integer> best = values.length > 1 ? Comparison.best(values) : Set.of();
        for (int i = 0; i < values.length; i++) {
            html.append("<td class=\"num\">");
            cellText(html, values[i], best.contains(i));
            html.append("</td>");
        }
    }

    private static void cellText(StringBuilder html, double v, boolean bold) {
        String text = Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%.4f", v);
        html.append(bold ? "<b>" + text + "</b>" : text);
    }

    /**
     * Every model's ROC curve for the attribute, or null if no model has one. The title gives the rows and positives the
     * curves are drawn from (the same for every model: a comparison is of one split), so a staircase on 15 positives is
     * not read as settled as a curve on 5,666.
     */
    static XYChart chart(Attribute a, Comparison c) {
        return chart(a, c, null);
    }

    /** As {@link #chart(Attribute, Comparison)}, titled "on" the data's file name where {@code on} is not null, as a section's plots are. */
    static XYChart chart(Attribute a, Comparison c, String on) {
        String data = on == null ? "" : " on " + on.substring(on.lastIndexOf('/') + 1);
        XYChart chart = new XYChartBuilder().width(640).height(560)
                .title("ROC: " + a.name() + data + " \u2014 " + counts(c.evaluations().get(0).attribute(a)))
                .xAxisTitle("False positive rate").yAxisTitle("True positive rate").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        boolean any = false;
        for (Evaluation e : c.evaluations()) {
            var curve = e.curve(a);
            if (curve.isEmpty()) continue;
            any = true;
            String label = String.format(Locale.ROOT, "%s (AUC %.3f)", e.model(), e.attribute(a).rocAuc());
            XYSeries s = chart.addSeries(label, toDoubles(curve.get().fpr()), toDoubles(curve.get().tpr()));
            s.setMarker(SeriesMarkers.NONE);
        }
        if (!any) return null;
        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(Color.GRAY);
        chance.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
        return chart;
    }

    /** "19,066 rows, 1,832 positive": what a curve is drawn from. */
    static String counts(AttributeMetrics m) {
        return String.format(Locale.ROOT, "%,d rows, %,d positive", m.n(), m.positives());
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
