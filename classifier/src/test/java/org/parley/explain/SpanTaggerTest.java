package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The tagger's offsets and labels, and a CI-sized training on synthetic posts that proves the pipeline. */
class SpanTaggerTest {
    private static final List<String> NEUTRAL = List.of("the", "council", "voted", "on", "tax", "again", "people",
            "think", "this", "plan", "is", "about", "money", "and", "roads", "we", "need", "more", "schools", "today");
    private static final List<String> INSULTS = List.of("idiot", "moron", "stupid", "loser", "clown", "pathetic");

    /** A small tagger, untrained, that knows the word "idiot" (id 2), with this provenance. */
    private static SpanTagger untrained(String provenance) {
        return new SpanTagger(List.of("idiot"), SpanTaggerNetwork.create(3,
                new SpanTaggerNetwork.Config(8, 8, 3, 1, 0.01, 0.01, 0, 1)), SpanLexicon.empty(), provenance);
    }

    @Test
    void labelsAWordByMostOfItsCharactersAndOnlyWordsCount() {
        String text = "You IDIOT, go.";
        List<Token> tokens = TextPipeline.standard().tokenize(text);
        BitSet gold = new BitSet();
        gold.set(4, 10); // "IDIOT," : the comma is marked too, but punctuation is masked out
        SpanTagger tagger = untrained("{}");
        SpanTagger.Encoded e = tagger.encode(List.of(tokens), null, List.of(gold));
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            boolean word = SpanExplainer.isWord(token);
            assertEquals(word ? 1 : 0, e.labelMask().getInt(0, t), token.toString());
            assertEquals(word && token.original().equals("IDIOT") ? 1 : 0, e.labels().getInt(0, 0, t), token.toString());
            assertEquals(token.text().equals("idiot") ? 2 : SpanTagger.UNKNOWN, e.ids().getInt(0, t), token.toString());
        }
        assertEquals(text.substring(4, 9), tokens.stream().filter(t -> t.text().equals("idiot")).findFirst().orElseThrow().original(),
                "offsets are the raw text's");
    }

    @Test
    void aCommentGetsNearlyTheSameProbabilitiesAloneOrInABatchAndLongOnesAreTaggedInWindows() {
        SpanTagger tagger = untrained("{}");
        List<Token> shortOne = TextPipeline.standard().tokenize("you idiot");
        List<Token> longer = TextPipeline.standard().tokenize("the council voted on tax again and you are an idiot");
        assertArrayEquals(tagger.probabilities(List.of(shortOne))[0], tagger.probabilities(List.of(longer, shortOne))[1], 0.01f,
                "padding hardly changes a shorter comment's answer");

        List<Token> many = TextPipeline.standard().tokenize("word ".repeat(SpanTagger.MAX_TOKENS + 10) + "idiot");
        float[] p = tagger.probabilities(List.of(many))[0];
        assertEquals(many.size(), p.length);
        float[] tail = tagger.probabilities(List.of(many.subList(SpanTagger.MAX_TOKENS, many.size())))[0];
        assertArrayEquals(tail, java.util.Arrays.copyOfRange(p, SpanTagger.MAX_TOKENS, many.size()), 0.01f,
                "the tokens past the first window are tagged as a comment of their own");
        assertNotEquals(0f, p[many.size() - 1], "the last token is tagged");
    }

    /**
     * A comment of exactly one window is one window: the comment after it in the batch gets its own probabilities, as
     * alone. And a batch is encoded comment by comment: the second's ids, features, labels and mask sit in its own row.
     */
    @Test
    void aCommentOfExactlyOneWindowAndABatchsSecondCommentKeepTheirOwnRows() {
        SpanTagger tagger = untrained("{}");
        List<Token> window = TextPipeline.standard().tokenize("word ".repeat(SpanTagger.MAX_TOKENS).strip());
        assertEquals(SpanTagger.MAX_TOKENS, window.size());
        List<Token> shortOne = TextPipeline.standard().tokenize("you idiot");
        float[][] both = tagger.probabilities(List.of(window, shortOne));
        assertArrayEquals(tagger.probabilities(List.of(window))[0], both[0], 1e-6f);
        assertArrayEquals(tagger.probabilities(List.of(shortOne))[0], both[1], 1e-6f);

        List<Token> first = TextPipeline.standard().tokenize("the council voted again");
        BitSet gold = new BitSet();
        gold.set(4, 9); // "idiot"
        SpanTagger.Encoded e = tagger.encode(List.of(first, shortOne), List.of(new float[4], new float[] {0.25f, 0.75f}),
                List.of(new BitSet(), gold));
        assertArrayEquals(new long[] {2, 4}, e.ids().shape());
        assertEquals(List.of(SpanTagger.UNKNOWN, 2, 0, 0), List.of(e.ids().getInt(1, 0), e.ids().getInt(1, 1), e.ids().getInt(1, 2),
                e.ids().getInt(1, 3)), "the second comment's ids, then padding");
        assertEquals(List.of(0, 1, 0, 0), List.of(e.labels().getInt(1, 0, 0), e.labels().getInt(1, 0, 1), e.labels().getInt(1, 0, 2),
                e.labels().getInt(1, 0, 3)));
        assertEquals(List.of(1, 1, 0, 0), List.of(e.labelMask().getInt(1, 0), e.labelMask().getInt(1, 1), e.labelMask().getInt(1, 2),
                e.labelMask().getInt(1, 3)));
        assertEquals(0.75f, e.features().getFloat(1, 0, 1), "the rate given for \"idiot\", the second's second token");
        assertEquals(0.25f, e.features().getFloat(1, 0, 0));
        assertEquals(0f, e.features().getFloat(0, 0, 1), "the first comment's rates are 0");
        assertEquals(1f, e.features().getFloat(1, 1, 1), "\"idiot\" is a word");
        assertEquals(List.of(1, 1, 1, 1), List.of(e.labelMask().getInt(0, 0), e.labelMask().getInt(0, 1), e.labelMask().getInt(0, 2),
                e.labelMask().getInt(0, 3)));
    }

    @Test
    void aSmallTrainingLearnsWhichWordsAreSpansAndSurvivesARoundTrip(@TempDir Path dir) throws IOException {
        Random random = new Random(1);
        write(dir.resolve("tsd_train.csv.gz"), posts(240, random));
        write(dir.resolve("tsd_trial.csv.gz"), posts(40, random));
        SpanTaggerTrainer.Settings s = new SpanTaggerTrainer.Settings(60, 2021, 6, 16, 1, 1000,
                new SpanTaggerNetwork.Config(16, 16, 3, 1, 0.01, 0.01, 0, 3), 0);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        SpanTaggerTrainer.Result r = new SpanTaggerTrainer(s, new PrintStream(log, true, StandardCharsets.UTF_8)).train(dir, null);
        assertEquals(180, r.trainPosts());
        assertEquals(60, r.tunePosts());
        assertTrue(r.tuneF1() > 0.9, "tuning F1 " + r.tuneF1());
        assertTrue(r.devF1() > 0.9, "dev F1 " + r.devF1());
        assertEquals(6, log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("epoch ")).count(), "six epochs, each logged");
        // The tagger returned is the one whose tuning F1 is reported: its best epoch's, not the last one's.
        List<org.parley.corpus.GoldSpans.Post> tune = org.parley.corpus.GoldSpans.split(
                org.parley.corpus.GoldSpans.read(dir.resolve("tsd_train.csv.gz")), 60, 2021).tune();
        List<List<Token>> tuneTokens = tune.stream().map(p -> TextPipeline.standard().tokenize(p.text())).toList();
        assertEquals(r.tuneF1(), SpanTaggerTrainer.meanF1(tune, tuneTokens, r.tagger().probabilities(tuneTokens), r.combination(), null), 1e-9);

        Path file = dir.resolve("tagger.zip");
        r.tagger().write(file);
        SpanTagger back = SpanTagger.read(file, r.tagger().lexicon());
        // Recorded as the toxicity and stance bundles record theirs: code, libraries, data files with hashes.
        com.fasterxml.jackson.databind.JsonNode made = new com.fasterxml.jackson.databind.ObjectMapper().readTree(back.provenance());
        assertEquals(r.epoch(), made.path("bestEpoch").asInt(-1), back.provenance());
        assertEquals(40, made.path("code").path("commit").asText().length(), back.provenance());
        assertEquals(org.parley.model.PipelineFingerprint.of(org.parley.text.TextPipeline.standard(), false).digest(),
                made.at("/textPipeline/digest").asText(), "the tokens its network read, as the bundles record them");
        assertTrue(made.path("libraries").has("deeplearning4j"), back.provenance());
        assertEquals(java.util.Set.of("tsd_train.csv.gz", "tsd_trial.csv.gz"), java.util.stream.StreamSupport
                .stream(made.path("dataFiles").spliterator(), false).map(f -> java.nio.file.Path.of(f.path("file").asText()).getFileName().toString())
                .collect(java.util.stream.Collectors.toSet()), back.provenance());
        made.path("dataFiles").forEach(f -> assertEquals(64, f.path("sha256").asText().length()));
        assertEquals(3, made.path("network").path("kernel").asInt(), back.provenance());
        assertTrue(made.path("trainingSeconds").asLong(-1) >= 0 && made.path("trainingSeconds").asLong() < 3600, back.provenance());
        assertEquals("SemEval-2021 Task 5 tsd_train minus the 60-post tuning sample (split seed 2021): 180 posts", made.path("data").asText(),
                "no --limit named when none was given");
        assertEquals(r.combination().threshold(), made.at("/taggerAlone/threshold").asDouble(), 1e-12);
        assertEquals(Double.isNaN(r.combination().fallback()), made.at("/taggerAlone/fallback").isNull(), back.provenance());
        if (!Double.isNaN(r.combination().fallback()))
            assertEquals(r.combination().fallback(), made.at("/taggerAlone/fallback").asDouble(), 1e-12);
        List<List<Token>> tokens = List.of(TextPipeline.standard().tokenize("the council is stupid today"));
        float[] before = r.tagger().probabilities(tokens)[0], after = back.probabilities(tokens)[0];
        assertArrayEquals(before, after, 1e-6f);
        assertTrue(after[3] > 0.5 && after[0] < 0.5, "stupid tagged, the not: " + java.util.Arrays.toString(after));
    }

    /**
     * A write that fails after the network is written (here its provenance, missing; on a full disk the write itself)
     * leaves the earlier tagger under the name as it was, and nothing beside it. Until the forty-eighth session the file
     * was opened in place: the earlier tagger was cut to half a new one.
     */
    @Test
    void aWriteThatFailsHalfWayLeavesTheEarlierTaggerWhole(@TempDir Path dir) throws IOException {
        SpanTagger whole = untrained("{}");
        Path file = dir.resolve("tagger.zip");
        whole.write(file);
        byte[] earlier = java.nio.file.Files.readAllBytes(file);
        SpanTagger broken = untrained(null);
        assertThrows(NullPointerException.class, () -> broken.write(file));
        assertArrayEquals(earlier, java.nio.file.Files.readAllBytes(file), "the earlier tagger, as it was");
        try (var files = java.nio.file.Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left");
        }
        assertEquals("{}", SpanTagger.read(file, SpanLexicon.empty()).provenance());
    }

    @Test
    void aFileThatIsNoTaggerIsRefusedWithItsNameAndWhatIsWrong(@TempDir Path dir) throws IOException {
        Path text = java.nio.file.Files.writeString(dir.resolve("notes.zip"), "not a zip at all");
        IOException e = assertThrows(IOException.class, () -> SpanTagger.read(text, null));
        assertEquals("span tagger " + text + ": is empty or not a zip file (scripts/train-spans writes one)", e.getMessage());

        Path other = dir.resolve("other.zip"); // a zip, but of something else (a model bundle, say)
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(other))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("bundle.json"));
            zip.write("{}".getBytes());
        }
        e = assertThrows(IOException.class, () -> SpanTagger.read(other, null));
        assertEquals("span tagger " + other + ": bundle.json has format '', expected 'parley-span-tagger' (scripts/train-spans writes one)",
                e.getMessage());

        Path old = zip(dir.resolve("old.zip"), java.util.Map.of("vocabulary.txt", "idiot\n".getBytes())); // no manifest: read as version 0
        e = assertThrows(IOException.class, () -> SpanTagger.read(old, null));
        assertEquals("span tagger " + old + ": entry network.zip is missing (scripts/train-spans writes one)", e.getMessage());
    }

    /**
     * A tagger cut short (here in its zip's directory, after its last entry, which it read whole) or with an entry changed
     * is refused naming the file and what is wrong: its bundle.json lists each entry's SHA-256, as a model bundle's does.
     * Until the forty-eighth session the zip was read from the front and both loaded.
     */
    @Test
    void aCutOrChangedTaggerIsRefusedNamingTheFileAndWhatIsWrong(@TempDir Path dir) throws IOException {
        SpanTagger tagger = new SpanTagger(List.of("idiot", "moron"), SpanTaggerNetwork.create(3,
                new SpanTaggerNetwork.Config(8, 8, 3, 1, 0.01, 0.01, 0, 1)), SpanLexicon.empty(), "{}");
        Path file = dir.resolve("tagger.zip");
        tagger.write(file);
        byte[] all = Files.readAllBytes(file);
        for (int cutBy : new int[] {1, 10, 22}) {
            Path cut = Files.write(dir.resolve("cut-" + cutBy + ".zip"), java.util.Arrays.copyOf(all, all.length - cutBy));
            IOException e = assertThrows(IOException.class, () -> SpanTagger.read(cut, SpanLexicon.empty()), "cut by " + cutBy);
            assertTrue(e.getMessage().startsWith("span tagger " + cut + ": is truncated: its zip's end record is missing"), e.getMessage());
        }
        java.util.Map<String, byte[]> entries = unzip(all);
        entries.put("vocabulary.txt", "idiot\nclown\n".getBytes(StandardCharsets.UTF_8)); // bundle.json left as it was
        Path changed = zip(dir.resolve("changed.zip"), entries);
        IOException e = assertThrows(IOException.class, () -> SpanTagger.read(changed, SpanLexicon.empty()));
        assertEquals("span tagger " + changed + ": entry vocabulary.txt is corrupt (SHA-256 does not match bundle.json)"
                + " (scripts/train-spans writes one)", e.getMessage());
    }

    /** The shipped tagger predates the checksums (no bundle.json): it still loads, and a copy of it cut short does not. */
    @Test
    void aTaggerWrittenBeforeTheChecksumsLoadsUnlessCut(@TempDir Path dir) throws IOException {
        byte[] shipped;
        try (var in = SpanTagger.class.getResourceAsStream(SpanTagger.RESOURCE)) {
            shipped = in.readAllBytes();
        }
        assertFalse(unzip(shipped).containsKey("bundle.json"), "the shipped tagger is one written before the checksums");
        Path copy = Files.write(dir.resolve("shipped.zip"), shipped);
        assertEquals(SpanTagger.standard().provenance(), SpanTagger.read(copy, SpanLexicon.empty()).provenance());
        Path cut = Files.write(dir.resolve("cut.zip"), java.util.Arrays.copyOf(shipped, shipped.length - 10));
        IOException e = assertThrows(IOException.class, () -> SpanTagger.read(cut, SpanLexicon.empty()));
        assertTrue(e.getMessage().startsWith("span tagger " + cut + ": is truncated: its zip's end record is missing"), e.getMessage());
    }

    private static java.util.Map<String, byte[]> unzip(byte[] zip) throws IOException {
        java.util.Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    private static Path zip(Path file, java.util.Map<String, byte[]> entries) throws IOException {
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        }
        return file;
    }

    /** Neutral words with 0 to 2 insults; the insults are the gold spans. */
    private static List<String[]> posts(int n, Random random) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            List<Integer> offsets = new ArrayList<>();
            int words = 5 + random.nextInt(8), insults = random.nextInt(3);
            for (int w = 0; w < words; w++) {
                if (w > 0) text.append(' ');
                boolean insult = random.nextInt(words) < insults;
                String word = insult ? INSULTS.get(random.nextInt(INSULTS.size())) : NEUTRAL.get(random.nextInt(NEUTRAL.size()));
                if (insult) for (int c = 0; c < word.length(); c++) offsets.add(text.length() + c);
                text.append(word);
            }
            out.add(new String[] {offsets.toString(), text.toString()});
        }
        return out;
    }

    private static void write(Path file, List<String[]> rows) throws IOException {
        StringBuilder csv = new StringBuilder("spans,text\n");
        for (String[] r : rows) csv.append('"').append(r[0]).append("\",").append(r[1]).append('\n');
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
