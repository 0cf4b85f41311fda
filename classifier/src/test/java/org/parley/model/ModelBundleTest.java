package org.parley.model;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.text.TextPipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class ModelBundleTest {
    private static final List<String> TEXTS = List.of("you are an idiot", "nice day", "ïdïøt!!! http://x.y", "");

    @TempDir static Path dir;
    static Path saved;
    static ModelBundle original;

    @BeforeAll
    static void save() throws IOException {
        original = TinyBundles.create();
        saved = dir.resolve("bundle.zip");
        original.save(saved);
    }

    @Test
    void reloadedBundleGivesIdenticalScores() {
        ModelBundle loaded = ModelBundle.load(saved);
        float[][] before = new ToxicityModel(original, TextPipeline.standard(), 1).score(TEXTS);
        float[][] after = new ToxicityModel(loaded, TextPipeline.standard(), 1).score(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) assertArrayEquals(before[i], after[i], 0f, TEXTS.get(i));
        assertEquals("tiny-test", loaded.name());
        assertEquals(original.calibration(), loaded.calibration());
        assertEquals(64, loaded.checksum().length());
    }

    /**
     * The calibration a bundle was made with is the one it gives back, and a model's scores are its raw outputs through
     * it, attribute by attribute (a missing or unapplied calibration would fall back to the raw scores without a sign).
     */
    @Test
    void scoresAreTheRawOutputsThroughTheBundlesCalibration() {
        ModelBundle loaded = ModelBundle.load(saved);
        for (org.parley.label.Attribute a : org.parley.label.Attribute.values())
            assertEquals(new PlattScaling(1 + a.ordinal() * 0.1, -0.2), loaded.calibration().get(a), a.name());
        ToxicityModel model = new ToxicityModel(loaded, TextPipeline.standard(), 1);
        float[][] scores = model.score(TEXTS), raw = model.rawScores(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++)
            for (org.parley.label.Attribute a : org.parley.label.Attribute.values())
                assertEquals(loaded.calibration().get(a).apply(raw[i][a.ordinal()]), scores[i][a.ordinal()], 1e-6f, TEXTS.get(i) + " " + a);
    }

    /** Read to its end, /dev/zero took the whole heap: a reload task's ?path= may name anything. */
    @Test
    void aDeviceOrADirectoryIsRefusedUnread() {
        // A system without /dev/zero still checks the directory.
        for (Path notAFile : Files.exists(Path.of("/dev/zero")) ? List.of(Path.of("/dev/zero"), dir) : List.of(dir)) {
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(notAFile));
            assertTrue(e.getMessage().contains("is not a file"), e.getMessage());
        }
    }

    @Test
    void missingFileIsNamed() {
        Path nowhere = dir.resolve("nope.zip");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(nowhere));
        assertTrue(e.getMessage().contains(nowhere.toString()) && e.getMessage().contains("file not found"), e.getMessage());
    }

    @Test
    void garbageIsNotAZip() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.zip"), "this is not a model");
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(garbage));
        assertTrue(e.getMessage().contains("garbage.zip") && e.getMessage().contains("zip"), e.getMessage());
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        byte[] all = Files.readAllBytes(saved);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(all, all.length / 2));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(cut));
        assertTrue(e.getMessage().contains("cut.zip"), e.getMessage());
    }

    /**
     * A copy stopped (or still under way) after its last entry, before the zip's directory at its end: every entry is
     * whole and passes its checksum, and until the forty-eighth session it loaded, as a file whose checksum no bundle has.
     */
    @Test
    void aFileCutInItsZipDirectoryIsRefusedAsTruncated() throws IOException {
        byte[] all = Files.readAllBytes(saved);
        for (int cutBy : new int[] {1, 10, 22}) {
            Path cut = Files.write(dir.resolve("cut-" + cutBy + ".zip"), Arrays.copyOf(all, all.length - cutBy));
            BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(cut), "cut by " + cutBy);
            assertTrue(e.getMessage().contains(cut + ": is truncated: its zip's end record is missing"), e.getMessage());
        }
    }

    /**
     * A zip tool may add a comment after the zip's end record (its length in the record's last two bytes): such a bundle
     * is whole and loads, and cut inside the comment it is refused as truncated. A comment of 300 bytes, so that both
     * bytes of its length count.
     */
    @Test
    void aZipCommentIsReadPastAndAFileCutInsideItIsTruncated() throws IOException {
        byte[] all = Files.readAllBytes(saved);
        assertEquals(0, all[all.length - 2] | all[all.length - 1], "Parley writes no comment");
        byte[] commented = Arrays.copyOf(all, all.length + 300);
        commented[all.length - 2] = (byte) (300 & 0xff);
        commented[all.length - 1] = (byte) (300 >> 8);
        Arrays.fill(commented, all.length, commented.length, (byte) 'c');
        Path whole = Files.write(dir.resolve("commented.zip"), commented);
        assertEquals(original.network().params(), ModelBundle.load(whole).network().params());
        Path cut = Files.write(dir.resolve("commented-cut.zip"), Arrays.copyOf(commented, commented.length - 1));
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(cut));
        assertTrue(e.getMessage().contains(cut + ": is truncated: its zip's end record is missing"), e.getMessage());
    }

    /**
     * The same content gives the same bytes (docs/data-science.md: same seed and commit, the same bundle byte for byte):
     * no entry carries the time it was written (a zip entry does by default, to two seconds).
     */
    @Test
    void aBundleSavedAgainIsTheSameBytesAndItsEntriesCarryNoTime() throws IOException {
        Path again = dir.resolve("again.zip");
        original.save(again);
        assertArrayEquals(Files.readAllBytes(saved), Files.readAllBytes(again));
        long before1981 = java.time.Instant.parse("1981-01-01T00:00:00Z").toEpochMilli();
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(again))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; entries++)
                assertTrue(e.getTime() < before1981, e.getName() + " carries " + java.time.Instant.ofEpochMilli(e.getTime()));
        }
        assertTrue(entries >= 7, entries + " entries");
    }

    @Test
    void editedEntryFailsItsChecksum() throws IOException {
        Path edited = rewrite("edited.zip", entries -> {
            entries.put("calibration.json", new String(entries.get("calibration.json"), StandardCharsets.UTF_8)
                    .replace("-0.2", "-0.3").getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(edited));
        assertTrue(e.getMessage().contains("calibration.json is corrupt"), e.getMessage());
    }

    @Test
    void missingEntryIsNamed() throws IOException {
        Path partial = rewrite("partial.zip", entries -> {
            entries.remove("vocabulary.txt");
            return entries;
        });
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(partial));
        assertTrue(e.getMessage().contains("vocabulary.txt is missing"), e.getMessage());
    }

    @Test
    void newerFormatVersionIsIncompatible() throws IOException {
        Path future = rewrite("future.zip", entries -> {
            entries.put("bundle.json", new String(entries.get("bundle.json"), StandardCharsets.UTF_8)
                    .replace("\"version\" : " + ModelBundle.VERSION, "\"version\" : 99").getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(future));
        assertTrue(e.getMessage().contains("incompatible model bundle format version 99"), e.getMessage());
    }

    @Test
    void versionTwoBundlesWithAModelSerializerNetworkStillLoad() throws IOException {
        Path legacy = rewrite("legacy.zip", entries -> {
            ByteArrayOutputStream net = new ByteArrayOutputStream();
            try {
                org.deeplearning4j.util.ModelSerializer.writeModel(original.network()
                        .convertDataType(org.nd4j.linalg.api.buffer.DataType.HALF), net, false);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            entries.remove(NetworkCodec.CONFIG);
            entries.remove(NetworkCodec.PARAMS);
            entries.put(NetworkCodec.LEGACY, net.toByteArray());
            String manifest = new String(entries.get("bundle.json"), StandardCharsets.UTF_8)
                    .replace("\"version\" : " + ModelBundle.VERSION, "\"version\" : 2")
                    .replaceAll("\"network\\.json\" : \"\\w+\",", "")
                    .replaceAll("\"params\\.f16\" : \"\\w+\",", "\"network.zip\" : \"" + BundleFile.sha256(net.toByteArray()) + "\",");
            entries.put("bundle.json", manifest.getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        float[][] before = new ToxicityModel(original, TextPipeline.standard(), 1).score(TEXTS);
        float[][] after = new ToxicityModel(ModelBundle.load(legacy), TextPipeline.standard(), 1).score(TEXTS);
        for (int i = 0; i < TEXTS.size(); i++) assertArrayEquals(before[i], after[i], 0f, TEXTS.get(i));
    }

    @Test
    void parametersOfAnotherNetworkAreRefused() throws IOException {
        Path shorter = rewrite("shorter.zip", entries -> {
            byte[] params = entries.get(NetworkCodec.PARAMS);
            entries.put(NetworkCodec.PARAMS, Arrays.copyOf(params, params.length - 2));
            String manifest = new String(entries.get("bundle.json"), StandardCharsets.UTF_8).replace(
                    BundleFile.sha256(params), BundleFile.sha256(entries.get(NetworkCodec.PARAMS)));
            entries.put("bundle.json", manifest.getBytes(StandardCharsets.UTF_8));
            return entries;
        });
        BundleException e = assertThrows(BundleException.class, () -> ModelBundle.load(shorter));
        assertTrue(e.getMessage().contains("shorter.zip") && e.getMessage().contains(NetworkCodec.PARAMS + " holds"), e.getMessage());
    }

    /** A hand-edited or forged bundle whose manifest matches its broken entry: the message names the entry. */
    @Test
    void anEntryBrokenUnderARewrittenManifestIsNamed() throws IOException {
        ForgedBundles.assertEachBrokenEntryIsNamed(saved, ModelBundle.KIND, dir, file -> ModelBundle.load(file).network());
    }

    private static Path rewrite(String name, UnaryOperator<Map<String, byte[]>> change) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(saved))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) entries.put(e.getName(), in.readAllBytes());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : change.apply(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
            }
        }
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }
}
