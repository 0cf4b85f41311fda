package org.parley.train;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.model.BundleFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class IncludedFilesTest {
    @TempDir Path dir;

    @Test
    void readsTheFilesDropsDevTextsAndRecordsEachFile() throws Exception {
        Path a = dir.resolve("decisions.jsonl");
        Files.writeString(a, """
                {"id":"c1","source":"moderator-decisions","text":"You are an idiot.","labels":{"TOXICITY":1.0,"INSULT":1.0}}
                {"id":"c2","source":"moderator-decisions","text":"Thanks  for the LINK","labels":{"TOXICITY":0.0}}
                {"id":"c3","source":"moderator-decisions","text":"I will find you.","labels":{"TOXICITY":1.0,"THREAT":1.0}}
                """);
        Path b = dir.resolve("more.jsonl");
        Files.writeString(b, "{\"id\":\"f1\",\"source\":\"suggestscore\",\"text\":\"meh\",\"labels\":{\"TOXICITY\":0.2}}\n");
        // The same text as c2 up to case and spacing: c2 must not train, or dev would be graded on a seen answer.
        List<Example> dev = List.of(new Example("some_corpus", "d1", "thanks for the link", Labels.none().with(Attribute.TOXICITY, 0)));

        IncludedFiles included = IncludedFiles.read(List.of(a, b), dev);

        assertEquals(List.of("c1", "c3", "f1"), included.examples().stream().map(Example::id).toList());
        assertEquals(2, included.provenance().size());
        JsonNode first = included.provenance().get(0);
        assertEquals(a.toString(), first.get("file").asText());
        assertEquals(BundleFile.sha256(Files.readAllBytes(a)), first.get("sha256").asText());
        assertEquals(Files.size(a), first.get("bytes").asLong());
        assertEquals(2, first.get("examples").asInt());
        assertEquals(1, first.get("droppedAsDevTexts").asInt());
        assertEquals(1, included.provenance().get(1).get("examples").asInt());
    }

    /** A compressed export named as it is trains its lines (it was parsed as text and refused), hashed as it lies on disk. */
    @Test
    void aGzipExportTrainsItsLinesAndRecordsTheCompressedFile() throws Exception {
        Path gz = dir.resolve("decisions.jsonl.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("{\"id\":\"c1\",\"text\":\"You are an idiot.\",\"labels\":{\"INSULT\":1.0}}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        IncludedFiles included = IncludedFiles.read(List.of(gz), List.of());
        assertEquals(List.of("c1"), included.examples().stream().map(Example::id).toList());
        assertEquals(BundleFile.sha256(Files.readAllBytes(gz)), included.provenance().get(0).get("sha256").asText());
        assertEquals(Files.size(gz), included.provenance().get(0).get("bytes").asLong());
    }

    /**
     * A data scientist's second audit: one text suggested three times (two keys agreeing, one not), and two exports that
     * overlap (every site's, then one site's), each trained as many times as it was written, where the corpora keep one
     * example per text. Merged as the corpora's duplicates are: labels averaged, an even split unlabelled.
     */
    @Test
    void linesThatShareATextInOneFileOrAcrossFilesBecomeOneExample() throws Exception {
        Path all = dir.resolve("all.jsonl");
        Files.writeString(all, """
                {"id":"b1","source":"moderator-decisions","text":"You are a complete idiot.","labels":{"TOXICITY":1.0,"INSULT":1.0}}
                {"id":"b2","source":"moderator-decisions","text":"Thanks for the article.","labels":{"TOXICITY":0.0,"INSULT":0.0}}
                {"id":"f1","source":"suggestscore","text":"You people are all morons.","labels":{"TOXICITY":0.9,"INSULT":1.0}}
                {"id":"f2","source":"suggestscore","text":"You people are all morons.","labels":{"TOXICITY":0.9,"INSULT":1.0}}
                {"id":"f3","source":"suggestscore","text":"you people are all  morons. ","labels":{"TOXICITY":0.3}}
                {"id":"f4","source":"suggestscore","text":"Thanks for the article.","labels":{"INSULT":1.0}}
                """);
        Path blog = dir.resolve("blog.jsonl");
        Files.writeString(blog, """
                {"id":"b1","source":"moderator-decisions","text":"You are a complete idiot.","labels":{"TOXICITY":1.0,"INSULT":1.0}}
                """);

        IncludedFiles included = IncludedFiles.read(List.of(all, blog), List.of());

        assertEquals(List.of("b1", "b2", "f1"), included.examples().stream().map(Example::id).toList());
        Labels morons = included.examples().get(2).labels();
        assertEquals(0.7, morons.get(Attribute.TOXICITY), 1e-6, "(0.9 + 0.9 + 0.3) / 3");
        assertEquals(1.0, morons.get(Attribute.INSULT), 1e-6);
        Labels thanks = included.examples().get(1).labels();
        assertEquals(0.0, thanks.get(Attribute.TOXICITY), 1e-6);
        assertFalse(thanks.has(Attribute.INSULT), "an approval and a suggested insult: an even split, unlabelled");
        JsonNode first = included.provenance().get(0);
        assertEquals(3, first.get("examples").asInt());
        assertEquals(3, first.get("mergedDuplicates").asInt());
        JsonNode second = included.provenance().get(1);
        assertEquals(0, second.get("examples").asInt(), "every line already in the first file");
        assertEquals(1, second.get("mergedDuplicates").asInt());
        assertEquals(List.of("b1"), IncludedFiles.read(List.of(blog, blog), List.of()).examples().stream().map(Example::id).toList(),
                "the same file named twice");
    }

    /**
     * A reviewer's finding: a comment rejected as an insult in January's export and approved on appeal in February's was
     * merged by its text, labels averaged: TOXICITY and INSULT an even split (unlabelled), and with January's export
     * named twice, TOXICITY 0.667, a positive, though the moderators' last word was the approval. Exported lines say
     * when their decision was made; of those the latest per source and id trains, whatever the order of the files.
     */
    @Test
    void aLaterDecisionOnACommentReplacesTheEarlierOneAcrossExports() throws Exception {
        Path jan = Files.writeString(dir.resolve("jan.jsonl"), """
                {"id":"news.example/r5","source":"moderator-decisions","text":"You are a fool.","labels":{"TOXICITY":1.0,"INSULT":1.0},"decidedAt":"2026-01-10T09:00:00Z"}
                {"id":"news.example/r6","source":"moderator-decisions","text":"Fine piece.","labels":{"TOXICITY":0.0},"decidedAt":"2026-01-11T09:00:00Z"}
                {"id":"f1","source":"suggestscore","text":"You lot are morons.","labels":{"TOXICITY":1.0},"decidedAt":"2026-01-12T09:00:00Z"}
                """);
        Path janAgain = Files.writeString(dir.resolve("jan-copy.jsonl"), Files.readString(jan));
        Path feb = Files.writeString(dir.resolve("feb.jsonl"), """
                {"id":"news.example/r5","source":"moderator-decisions","text":"You are a fool.","labels":{"TOXICITY":0.0,"INSULT":0.0},"decidedAt":"2026-02-03T14:30:00.123456Z"}
                {"id":"news.example/r6","source":"moderator-decisions","text":"Fine piece.","labels":{"TOXICITY":0.0},"decidedAt":"2026-01-11T09:00:00Z"}
                {"id":"f1","source":"suggestscore","text":"You lot are morons.","labels":{"TOXICITY":1.0},"decidedAt":"2026-01-12T09:00:00Z"}
                """);

        for (List<Path> files : List.of(List.of(jan, feb), List.of(jan, janAgain, feb), List.of(feb, jan))) {
            IncludedFiles included = IncludedFiles.read(files, List.of());
            assertEquals(3, included.examples().size(), files.toString());
            Example r5 = included.examples().stream().filter(e -> e.id().endsWith("r5")).findFirst().orElseThrow();
            assertEquals(0.0, r5.labels().get(Attribute.TOXICITY), 1e-6, files + ": the approval on appeal");
            assertEquals(0.0, r5.labels().get(Attribute.INSULT), 1e-6, files.toString());
        }
        IncludedFiles three = IncludedFiles.read(List.of(jan, janAgain, feb), List.of());
        assertEquals(List.of(1, 3, 2), java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> three.provenance().get(i).get("superseded").asInt()).toList(),
                "January's r5 (replaced in February); the copy's every line (January's, read first); February's r6 and f1 (January's)");
        assertEquals(List.of(2, 0, 1), java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> three.provenance().get(i).get("examples").asInt()).toList());
    }

    /**
     * The export review's gap: a comment rejected in January's export, then erased, escalated or approved and reported
     * since, had no line in February's, so January's rejection still trained. February's export withdraws it: a line
     * without text or labels, as of the decision it withdraws (an erasure leaves the moderator's decision the latest),
     * which wins the tie, and ends the comment's label in training whatever the order of the files.
     */
    @Test
    void aWithdrawalEndsWhatEarlierExportsSaidOfItsComment() throws Exception {
        Path jan = Files.writeString(dir.resolve("jan.jsonl"), """
                {"id":"news.example/r5","source":"moderator-decisions","text":"You are a fool.","labels":{"TOXICITY":1.0,"INSULT":1.0},"decidedAt":"2026-01-10T09:00:00Z"}
                {"id":"news.example/r6","source":"moderator-decisions","text":"Fine piece.","labels":{"TOXICITY":0.0},"decidedAt":"2026-01-11T09:00:00Z"}
                """);
        Path feb = Files.writeString(dir.resolve("feb.jsonl"), """
                {"id":"news.example/r5","source":"moderator-decisions","withdrawn":"erased","decidedAt":"2026-01-10T09:00:00Z"}
                {"id":"news.example/r6","source":"moderator-decisions","withdrawn":"escalate","decidedAt":"2026-02-01T09:00:00Z"}
                """);
        for (List<Path> files : List.of(List.of(jan, feb), List.of(feb, jan))) {
            IncludedFiles included = IncludedFiles.read(files, List.of());
            assertEquals(List.of(), included.examples(), files + ": both withdrawn");
        }
        IncludedFiles both = IncludedFiles.read(List.of(jan, feb), List.of());
        assertEquals(2, both.provenance().get(0).get("superseded").asInt(), "January's two lines");
        assertEquals(2, both.provenance().get(1).get("withdrawals").asInt());
        assertEquals(0, both.provenance().get(1).get("examples").asInt());
        Path mar = Files.writeString(dir.resolve("mar.jsonl"), """
                {"id":"news.example/r6","source":"moderator-decisions","text":"Fine piece.","labels":{"TOXICITY":1.0},"decidedAt":"2026-03-01T09:00:00Z"}
                """);
        assertEquals(List.of("news.example/r6"), IncludedFiles.read(List.of(jan, feb, mar), List.of()).examples().stream()
                .map(Example::id).toList(), "a decision after the withdrawal trains again");
    }

    /** Files written before exports said when a decision was made are merged by text, as they were. */
    @Test
    void linesThatDoNotSayWhenAreMergedByTextAsBefore() throws Exception {
        Path old = Files.writeString(dir.resolve("old.jsonl"), """
                {"id":"c1","source":"moderator-decisions","text":"You are a fool.","labels":{"TOXICITY":1.0,"INSULT":1.0}}
                """);
        Path now = Files.writeString(dir.resolve("now.jsonl"), """
                {"id":"news.example/c1","source":"moderator-decisions","text":"You are a fool.","labels":{"TOXICITY":1.0,"INSULT":1.0},"decidedAt":"2026-01-10T09:00:00Z"}
                """);
        IncludedFiles included = IncludedFiles.read(List.of(old, now), List.of());
        assertEquals(List.of("c1"), included.examples().stream().map(Example::id).toList());
        assertEquals(1, included.provenance().get(1).get("mergedDuplicates").asInt());
        assertEquals(0, included.provenance().get(1).get("superseded").asInt());
    }

    @Test
    void noFilesAddNothing() throws Exception {
        IncludedFiles none = IncludedFiles.read(List.of(), List.of());
        assertTrue(none.examples().isEmpty());
        assertTrue(none.provenance().isEmpty());
    }
}
