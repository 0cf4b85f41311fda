package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.Attribute;
import org.parley.label.Labels;

class LabelledFileTest {
    @TempDir Path dir;

    private static final String TWO_LINES = """
            {"id": "d1", "source": "moderator_decisions", "text": "you absolute idiot", "labels": {"TOXICITY": 1, "INSULT": 1}}

            {"id": 7, "text": "thanks, fixed", "labels": {"TOXICITY": 0}}
            """;

    @Test
    void linesBecomeExamplesWithOnlyTheirLabelsSet() throws IOException {
        List<Example> read = LabelledFile.read(Files.writeString(dir.resolve("decisions.jsonl"), TWO_LINES));
        assertEquals(2, read.size(), "the blank line is skipped");
        Example first = read.get(0);
        assertEquals("moderator_decisions", first.source());
        assertEquals(1.0, first.labels().get(Attribute.INSULT));
        assertFalse(first.labels().has(Attribute.THREAT), "an attribute the line does not give is unlabelled, not 0");
        Example second = read.get(1);
        assertEquals("7", second.id());
        assertEquals("decisions", second.source(), "no source: the file name without extension");
    }

    /** A lost line break trained the first of two decisions and dropped the second unread (a data scientist's fourth audit). */
    @Test
    void twoLinesRunTogetherOrALabelGivenTwiceAreRefusedNamingTheLine() throws IOException {
        String[][] cases = {
                {"{\"id\": \"a\", \"text\": \"x\", \"labels\": {\"TOXICITY\": 1}}{\"id\": \"b\", \"text\": \"y\", \"labels\": {\"TOXICITY\": 0}}",
                        "more follows the JSON value"},
                {"{\"id\": \"a\", \"text\": \"x\", \"labels\": {\"TOXICITY\": 1, \"TOXICITY\": 0}}", "Duplicate field 'TOXICITY'"}};
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("run-together.jsonl"), "{\"id\": \"ok\", \"text\": \"z\", \"labels\": {\"TOXICITY\": 0}}\n" + c[0] + "\n");
            String message = assertThrows(IllegalArgumentException.class, () -> LabelledFile.read(f)).getMessage();
            assertTrue(message.contains("line 2: invalid JSON") && message.contains(c[1]), message);
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() throws IOException {
        // U+FEFF in UTF-8 is EF BB BF: what Notepad, Excel's "CSV UTF-8" and PowerShell write first.
        Path bom = Files.writeString(dir.resolve("bom.jsonl"), "\uFEFF" + TWO_LINES);
        List<Example> read = LabelledFile.read(bom);
        assertEquals(List.of("d1", "7"), read.stream().map(Example::id).toList());
    }

    @Test
    void aGzipFileReadsAsTheLinesItHoldsWhetherNamedWithGzOrWithout() throws IOException {
        Path gz = dir.resolve("decisions.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(TWO_LINES.getBytes(StandardCharsets.UTF_8));
        }
        List<Example> plain = LabelledFile.read(Files.writeString(dir.resolve("plain.jsonl"), TWO_LINES));
        List<Example> named = LabelledFile.read(gz);  // was read as text: "invalid JSON" on line 1
        assertEquals(plain.get(0), named.get(0));
        assertEquals("decisions", named.get(1).source(), "the default source drops .gz and the extension");
        assertEquals(named, LabelledFile.read(dir.resolve("decisions.jsonl")), "only the .gz copy exists: it is read");
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws IOException {
        List<Example> examples = List.of(new Example("s", "a", "line one\nline \"two\"",
                Labels.none().with(Attribute.THREAT, 0.25).with(Attribute.TOXICITY, 1)));
        StringWriter out = new StringWriter();
        LabelledFile.write(examples, out);
        assertEquals(examples, LabelledFile.read(Files.writeString(dir.resolve("w.jsonl"), out.toString())));
    }

    /** A withdrawal (an export's line for a comment whose label no longer stands) has no text or labels and labels nothing. */
    @Test
    void aWithdrawalReadsBackAndLabelsNothing() throws IOException {
        LabelledFile.Line line = LabelledFile.Line.withdrawal("moderator-decisions", "news.example/c1",
                java.time.Instant.parse("2026-02-03T14:30:00Z"), "erased");
        StringWriter out = new StringWriter();
        LabelledFile.write(line, out);
        assertEquals("{\"id\":\"news.example/c1\",\"source\":\"moderator-decisions\",\"withdrawn\":\"erased\","
                + "\"decidedAt\":\"2026-02-03T14:30:00Z\"}\n", out.toString(), "no text: an erased comment's is no one's");
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(line), LabelledFile.lines(dir.resolve("d.jsonl"), bytes));
        assertEquals(List.of(), LabelledFile.read(dir.resolve("d.jsonl"), bytes), "scripts/evaluate --file reads no example from it");

        for (String bad : List.of(
                "{\"id\": \"x\", \"withdrawn\": \"erased\"}",
                "{\"id\": \"x\", \"withdrawn\": \"erased\", \"text\": \"kept\", \"decidedAt\": \"2026-02-03T14:30:00Z\"}",
                "{\"id\": \"x\", \"withdrawn\": 1, \"decidedAt\": \"2026-02-03T14:30:00Z\"}")) {
            Path f = Files.writeString(dir.resolve("bad-withdrawal.jsonl"), bad + "\n");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledFile.read(f), bad);
            assertTrue(e.getMessage().startsWith(f + " line 1: ") && e.getMessage().contains("withdrawn"), e.getMessage());
        }
    }

    /** decidedAt, which exports write so that training keeps a comment's latest decision, reads back; a bad one is refused. */
    @Test
    void whenTheDecisionWasMadeReadsBackAndABadTimeIsRefused() throws IOException {
        LabelledFile.Line line = new LabelledFile.Line(new Example("moderator-decisions", "news.example/c1", "You are a fool.",
                Labels.none().with(Attribute.TOXICITY, 1)), java.time.Instant.parse("2026-02-03T14:30:00.123456Z"));
        StringWriter out = new StringWriter();
        LabelledFile.write(line, out);
        assertEquals("{\"id\":\"news.example/c1\",\"source\":\"moderator-decisions\",\"text\":\"You are a fool.\","
                + "\"labels\":{\"TOXICITY\":1.0},\"decidedAt\":\"2026-02-03T14:30:00.123456Z\"}\n", out.toString());
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(line), LabelledFile.lines(dir.resolve("d.jsonl"), bytes));
        assertEquals(List.of(line.example()), LabelledFile.read(dir.resolve("d.jsonl"), bytes));

        Path f = Files.writeString(dir.resolve("bad-time.jsonl"), """
                {"id": "x", "text": "fine", "labels": {"TOXICITY": 0}, "decidedAt": "yesterday"}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledFile.read(f));
        assertEquals(f + " line 1: field 'decidedAt' must be an ISO-8601 instant such as \"2026-11-30T10:00:00Z\"", e.getMessage());
    }

    @Test
    void aBadLineNamesFileLineAndProblem() throws IOException {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), """
                {"id": "ok", "text": "fine", "labels": {"TOXICITY": 0}}
                {"id": "x", "text": "fine", "labels": {"TOXICITY": 2}}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledFile.read(f));
        assertEquals(f + " line 2: labels.TOXICITY must be a number in [0,1]", e.getMessage());
        Path invisible = Files.writeString(dir.resolve("invisible.jsonl"), "{\"id\": \"zw\", \"text\": \"\\u200b\\u200b\", \"labels\": {\"TOXICITY\": 1}}\n");
        assertEquals(invisible + " line 1: field 'text' must be a non-empty string with something visible in it",
                assertThrows(IllegalArgumentException.class, () -> LabelledFile.read(invisible)).getMessage());
    }

    @Test
    void anIdUsedTwiceInOneSourceIsRefusedButMayRecurInAnother() throws IOException {
        Path f = Files.writeString(dir.resolve("dup.jsonl"), """
                {"id": "7", "source": "a", "text": "one", "labels": {"TOXICITY": 0}}
                {"id": "7", "source": "b", "text": "two", "labels": {"TOXICITY": 0}}
                {"id": 7, "source": "a", "text": "three", "labels": {"TOXICITY": 1}}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LabelledFile.read(f));
        assertEquals(f + " line 3: id '7' of source 'a' is already used on line 1", e.getMessage());
    }
}
