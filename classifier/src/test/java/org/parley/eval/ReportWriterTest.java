package org.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;

class ReportWriterTest {
    @TempDir Path dir;

    @Test
    void writesPagePlotsAndJson() throws Exception {
        Evaluation good = Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0));
        Evaluation flat = Evaluation.of("flat", EvaluationTest.examples(), new float[6][Attribute.COUNT]);
        Path page = ReportWriter.write(dir.resolve("report"), Comparison.of(good, flat));

        assertEquals(dir.resolve("report/report.html"), page);
        String html = Files.readString(page);
        assertTrue(html.contains("<img src=\"roc-toxicity.png\""), html);
        assertTrue(html.contains("<img src=\"roc-insult.png\""));
        assertFalse(html.contains("roc-threat.png"), "no plot for an attribute nobody labels");
        assertTrue(html.contains("<b>0.8333</b></td><td class=\"num\">0.5000</td>"), "best ROC-AUC in bold");
        BufferedImage png = ImageIO.read(dir.resolve("report/roc-toxicity.png").toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() > 100);
        assertFalse(Files.exists(dir.resolve("report/roc-threat.png")));

        JsonNode json = new ObjectMapper().readTree(dir.resolve("report/metrics.json").toFile());
        assertEquals(2, json.size());
        assertEquals("good", json.get(0).get("model").asText());
        assertEquals(Evaluation.fromJson(json.get(1).toString()).attributes(), flat.attributes());
    }

    /**
     * The page's head (models, rows, split, each model's mean ROC-AUC, the best in bold) and the per-source table (a row
     * per source and attribute, ROC-AUC then PR-AUC per model). Until the forty-eighth session's mutation testing no
     * test read them: the page passed with its head left out, or with a PR-AUC column missing.
     */
    @Test
    void theHeadGivesEachModelsMeanAndTheSourceTableEachFigure() throws Exception {
        Evaluation good = Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0));
        Evaluation flat = Evaluation.of("flat", EvaluationTest.examples(), new float[6][Attribute.COUNT]);
        String html = Files.readString(ReportWriter.write(dir.resolve("report"), Comparison.of(good, flat)));
        assertTrue(html.contains("<title>Parley evaluation: good, flat</title>"), html);
        assertTrue(html.contains("<p>Models: <code>good</code>, <code>flat</code>. Rows: 6 (split <code>" + good.split() + "</code>)."), html);
        // TOXICITY 5/6 and INSULT 1 (THREAT and the rest have no labels): (5/6 + 1) / 2 against chance
        assertTrue(html.contains("<p>Mean ROC-AUC over attributes with both classes: good <b>0.9167</b>, flat 0.5000.</p>"), html);
        assertTrue(html.contains("<th>good</th><th>flat</th><th>good</th><th>flat</th>"), "ROC-AUC's columns, then PR-AUC's: " + html);
        // source a's INSULT: labels 1, 0, 0.2 against 0.7, 0.2, 0.3, ranked perfectly; flat is chance, AP the prevalence
        assertTrue(html.contains("<tr><td>a</td><td>INSULT</td><td class=\"num\">3</td><td class=\"num\">1</td>"
                + "<td class=\"num\"><b>1.0000</b></td><td class=\"num\">0.5000</td>"
                + "<td class=\"num\"><b>1.0000</b></td><td class=\"num\">0.3333</td></tr>"), html);

        String alone = Files.readString(ReportWriter.write(dir.resolve("alone"), good));
        assertTrue(alone.contains("<p>Mean ROC-AUC over attributes with both classes: good 0.9167.</p>"), "one model: no best to mark");
        assertFalse(alone.contains("<b>"), alone);
    }

    /**
     * Until the forty-ninth session a report folder was written file by file, each whole ({@code io.AtomicFile}): a
     * failure half-way left this run's metrics.json and plots beside the last run's page. A section without a name is
     * the seam: it throws once the first comparison's JSON and plots are written, as a full disk would on a later file
     * ({@code AtomicFolderTest} makes that failure, and reads its message). Every file of the last report stays as it
     * was, and nothing is left beside the folder.
     */
    @Test
    void aWriteThatFailsHalfWayLeavesEveryFileOfTheLastReportAsItWas() throws Exception {
        Path report = dir.resolve("report");
        Evaluation good = Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0));
        Comparison onFile = Comparison.of(Evaluation.of("good", EvaluationTest.examples().subList(0, 2),
                new float[][] {EvaluationTest.scores(0)[0], EvaluationTest.scores(0)[1]}));
        ReportWriter.write(report, Comparison.of(good), List.of(), List.of(), List.of(),
                List.of(new ReportWriter.Section("decisions.jsonl", null, onFile, List.of())));
        Map<String, String> last = files(report);
        assertTrue(last.containsKey("file-1-roc-toxicity.png") && last.containsKey("roc-toxicity.png"), last.keySet().toString());

        Comparison other = Comparison.of(Evaluation.of("other", EvaluationTest.examples(), EvaluationTest.scores(0)));
        assertThrows(NullPointerException.class, () -> ReportWriter.write(report, other, List.of(), List.of(), List.of(),
                List.of(new ReportWriter.Section(null, null, onFile, List.of()))));
        assertEquals(last, files(report));
        assertEquals(List.of("report"), names(dir), "no hidden folder left beside it");
    }

    /**
     * A whole write replaces the folder whole: the last report's plots of an attribute and of a section this one lacks,
     * and the hidden temporary a killed file-by-file write left (kept until the forty-ninth session), all go.
     */
    @Test
    void aWholeWriteReplacesEveryFileOfTheLastReport() throws Exception {
        Path report = Files.createDirectories(dir.resolve("report"));
        for (String f : List.of("roc-threat.png", "file-2-roc-toxicity.png", "metrics.json", ".metrics.json.3k9x0q2m1z7ab.tmp"))
            Files.writeString(report.resolve(f), "the last run's");
        String html = Files.readString(ReportWriter.write(report, Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0))));
        java.util.TreeSet<String> shown = new java.util.TreeSet<>(List.of(ReportWriter.HTML, ReportWriter.JSON));
        java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        while (img.find()) shown.add(img.group(1));
        assertTrue(shown.contains("roc-toxicity.png"), shown.toString());
        assertEquals(List.copyOf(shown), names(report), "the page, its JSON and the plots it shows, and nothing else");
        assertEquals("good", new ObjectMapper().readTree(report.resolve(ReportWriter.JSON).toFile()).get(0).get("model").asText());
        assertEquals(List.of("report"), names(dir));
    }

    /**
     * A report was written into any folder, beside what else it held (--report . in a checkout). It now replaces its folder
     * whole, so a folder holding other files is refused, the folder and its files left as they were.
     */
    @Test
    void aFolderHoldingOtherFilesIsRefusedAndLeftAsItWas() throws Exception {
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("roc-threat.png"), "an earlier run's plot");
        Files.writeString(report.resolve("notes.txt"), "the user's own file");
        Map<String, String> before = files(report);
        IOException e = assertThrows(IOException.class,
                () -> ReportWriter.write(report, Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0))));
        assertEquals("cannot write " + report + " (left as it was): it holds files it was not written with (notes.txt), which replacing"
                + " it whole would delete: name a new or empty folder, or move them out of " + report, e.getMessage());
        assertEquals(before, files(report));
        assertEquals(List.of("report"), names(dir));
    }

    /** Each file's name and SHA-256: any change of a page or a plot shows, and a failure prints no PNG. */
    static Map<String, String> files(Path folder) throws Exception {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String f : names(folder))
            out.put(f, java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(folder.resolve(f)))));
        return out;
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** A data scientist's audit: a folder reused for another data set showed the last run's THREAT plot beside it. */
    @Test
    void aPlotOfAnEarlierRunThatThisOneLacksIsRemoved() throws Exception {
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("roc-threat.png"), "an earlier run's plot");
        ReportWriter.write(report, Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0)));
        assertFalse(Files.exists(report.resolve("roc-threat.png")), "no THREAT labels this time");
        assertTrue(Files.exists(report.resolve("roc-toxicity.png")));
    }

    /**
     * A data scientist's third audit: the plots carried no row or positive counts, so a staircase on 15 positives
     * looked as settled as a curve on 5,666. Each plot's title and the page's caption under it give them.
     */
    @Test
    void eachRocPlotGivesTheRowsAndPositivesItIsDrawnFrom() throws Exception {
        Evaluation good = Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0));
        Evaluation flat = Evaluation.of("flat", EvaluationTest.examples(), new float[6][Attribute.COUNT]);
        Comparison both = Comparison.of(good, flat);
        var chart = ReportWriter.chart(Attribute.TOXICITY, both);
        assertEquals("ROC: TOXICITY \u2014 5 rows, 3 positive", chart.getTitle());
        assertEquals(List.of("good (AUC 0.833)", "flat (AUC 0.500)", "chance"), List.copyOf(chart.getSeriesMap().keySet()));
        assertEquals("ROC: INSULT \u2014 3 rows, 1 positive", ReportWriter.chart(Attribute.INSULT, both).getTitle());
        assertEquals("19,066 rows, 1,832 positive", ReportWriter.counts(new AttributeMetrics(19_066, 1_832, 0.957, 0.8)));

        String html = Files.readString(ReportWriter.write(dir.resolve("report"), both));
        assertTrue(html.contains("<figure><img src=\"roc-toxicity.png\" alt=\"ROC curves for TOXICITY: 5 rows, 3 positive\" "
                + "width=\"480\"><figcaption>TOXICITY: 5 rows, 3 positive</figcaption></figure>"), html);
        assertTrue(html.contains("<figcaption>INSULT: 3 rows, 1 positive</figcaption>"), html);
        JsonNode toxicity = new ObjectMapper().readTree(dir.resolve("report/metrics.json").toFile()).get(0).at("/attributes/TOXICITY");
        assertEquals(5, toxicity.get("n").asInt());
        assertEquals(3, toxicity.get("positives").asInt());
    }

    @Test
    void showsEachIntervalWithDifferencesThatExcludeZeroInBold() throws Exception {
        var nan = new Bootstrap.Interval(Double.NaN, Double.NaN, Double.NaN);
        var own = new RocAucBootstrap.Result("good", null, 1000, Map.of(
                Attribute.TOXICITY, new Bootstrap.Interval(0.8333, 0.7, 0.95), Attribute.INSULT, nan),
                new Bootstrap.Interval(0.8333, 0.7, 0.95));
        var versus = new RocAucBootstrap.Result("good", "flat<", 1000, Map.of(
                Attribute.TOXICITY, new Bootstrap.Interval(0.3333, 0.1, 0.5), Attribute.INSULT, nan),
                new Bootstrap.Interval(0.3333, -0.01, 0.5));
        Evaluation good = Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0));
        Evaluation flat = Evaluation.of("flat<", EvaluationTest.examples(), new float[6][Attribute.COUNT]);
        String html = Files.readString(ReportWriter.write(dir.resolve("ci"), Comparison.of(good, flat), List.of(own, versus)));
        assertTrue(html.contains("<th>good</th><th>good − flat&lt;</th>"), html);
        assertTrue(html.contains("<tr><td>TOXICITY</td><td class=\"num\">0.8333 [0.7000, 0.9500]</td>"
                + "<td class=\"num\"><b>+0.3333 [+0.1000, +0.5000]</b></td></tr>"), html);
        assertTrue(html.contains("<tr><td>INSULT</td><td class=\"num\">n/a</td>"), html);
        assertTrue(html.contains("<tr><td>mean</td><td class=\"num\">0.8333 [0.7000, 0.9500]</td>"
                + "<td class=\"num\">+0.3333 [-0.0100, +0.5000]</td></tr>"), "straddles 0: not bold\n" + html);
        assertFalse(Files.readString(ReportWriter.write(dir.resolve("none"), Comparison.of(good, flat))).contains("How sure"));
    }

    /**
     * A data scientist's fourth audit: scripts/evaluate --compare's --file comparison was on stdout alone. Each further
     * comparison has a part of its own after the first's, titled with its data and rows, its plots named apart and titled
     * with the file; a part the last run had and this one lacks loses its plots.
     */
    @Test
    void eachSectionFollowsTheFirstComparisonWithItsOwnTableIntervalsAndPlots() throws Exception {
        Path report = Files.createDirectories(dir.resolve("report"));
        Files.writeString(report.resolve("file-2-roc-toxicity.png"), "an earlier run's second file");
        Evaluation good = Evaluation.of("good", EvaluationTest.examples(), EvaluationTest.scores(0));
        Evaluation flat = Evaluation.of("flat", EvaluationTest.examples(), new float[6][Attribute.COUNT]);
        List<Example> two = EvaluationTest.examples().subList(0, 2);
        float[][] twoScores = {EvaluationTest.scores(0)[0], EvaluationTest.scores(0)[1]};
        Comparison onFile = Comparison.of(Evaluation.of("good", two, twoScores), Evaluation.of("flat", two, new float[2][Attribute.COUNT]));
        var change = new RocAucBootstrap.Result("good", "flat", 1000, Map.of(Attribute.TOXICITY, new Bootstrap.Interval(0.25, 0.1, 0.4)),
                new Bootstrap.Interval(0.25, 0.1, 0.4));
        String name = "runs/<decisions>.jsonl";
        String html = Files.readString(ReportWriter.write(report, Comparison.of(good, flat), List.of(), List.of(), List.of(),
                List.of(new ReportWriter.Section(name, "Rows: 2.", onFile, List.of(change)))));

        int part = html.indexOf("<h2>Comparison on runs/&lt;decisions&gt;.jsonl: 2 rows</h2>\n<p>Rows: 2.</p>\n<p>Mean ROC-AUC");
        assertTrue(part > html.indexOf("<h2>Per source</h2>"), html);
        String first = html.substring(0, part), file = html.substring(part);
        assertFalse(first.contains("How sure"), "the first comparison was given no intervals");
        assertTrue(file.contains("<h3>How sure</h3>") && file.contains("<th>good − flat</th>"), file);
        assertTrue(file.contains("<b>+0.2500 [+0.1000, +0.4000]</b>"), file);
        var rows = onFile.attributeRows().get(Attribute.TOXICITY.ordinal());
        assertTrue(file.contains("<img src=\"file-1-roc-toxicity.png\" alt=\"ROC curves for TOXICITY: " + rows.n() + " rows, "
                + rows.positives() + " positive\""), file);
        assertTrue(first.contains("<img src=\"roc-toxicity.png\""), first);
        assertNotNull(ImageIO.read(report.resolve("file-1-roc-toxicity.png").toFile()));
        assertFalse(Files.exists(report.resolve("file-2-roc-toxicity.png")), "no second file this time");
        assertEquals("ROC: TOXICITY on <decisions>.jsonl \u2014 " + ReportWriter.counts(onFile.evaluations().get(0).attribute(Attribute.TOXICITY)),
                ReportWriter.chart(Attribute.TOXICITY, onFile, name).getTitle());
    }

    @Test
    void escapesEveryNameItPrints() throws Exception {
        String evilSource = "<script>alert('x')</script>";
        String evilModel = "m\"><img src=x onerror=alert(1)>&";
        List<Example> ex = List.of(
                new Example(evilSource, "1", "a", Labels.of(Map.of(Attribute.TOXICITY, 1.0))),
                new Example(evilSource, "2", "b", Labels.of(Map.of(Attribute.TOXICITY, 0.0))));
        float[][] s = {{0.9f, 0, 0, 0, 0, 0}, {0.1f, 0, 0, 0, 0, 0}};
        String html = Files.readString(ReportWriter.write(dir, Evaluation.of(evilModel, ex, s)));
        assertFalse(html.contains("<script>"));
        assertFalse(html.contains("onerror=alert(1)>"));
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
        assertTrue(html.contains("m&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;"));
    }

    @Test
    void escapeCoversTheFiveCharacters() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;plain", ReportWriter.esc("&<>\"'plain"));
    }
}
