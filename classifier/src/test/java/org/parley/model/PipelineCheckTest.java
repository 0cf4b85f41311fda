package org.parley.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.stance.StanceBundle;
import org.parley.text.TextPipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A bundle's text-pipeline fingerprint against the pipeline that loads it. The injected stage change is the speller
 * taken out ({@link TextPipeline#unspelled}): the change the shipped bundles predate, seen from the other side.
 */
class PipelineCheckTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir Path dir;

    private static ObjectNode provenance(PipelineFingerprint recorded) {
        ObjectNode p = JSON.createObjectNode().put("name", "parley-toxicity").put("version", "2026.12.05.1200")
                .put("createdAt", "2026-12-05T12:00:00Z");
        p.putObject("code").put("commit", "abc1234");
        if (recorded != null) p.set(PipelineFingerprint.KEY, recorded.toJson());
        return p;
    }

    @Test
    void theSamePipelineReadsEveryProbeAsRecorded() {
        PipelineCheck check = PipelineCheck.of(dir.resolve("m.zip"), provenance(PipelineFingerprint.of(TextPipeline.standard(), true)),
                TextPipeline.standard(), true);
        assertEquals(PipelineCheck.Status.SAME, check.status());
        assertFalse(check.warns());
        assertEquals(PipelineFingerprint.probeTexts().size(), check.probes());
        assertSame(check, check.enforce(true, "--strict-pipeline"), "strict lets a bundle that reads text as at training through");
        assertTrue(check.message().contains("reads the " + check.probes() + " probe texts as the one it was trained with (commit abc1234"),
                check.message());
    }

    @Test
    void aChangedStageIsNamedWithHowManyProbesDifferAndOneOfThem() {
        // Recorded without the speller, loaded with it: the misspelt and glued insults read otherwise.
        Path file = dir.resolve("m.zip");
        PipelineCheck check = PipelineCheck.of(file, provenance(PipelineFingerprint.of(TextPipeline.unspelled(), true)),
                TextPipeline.standard(), true);
        assertEquals(PipelineCheck.Status.DIFFERS, check.status());
        assertTrue(check.warns());
        assertEquals(PipelineFingerprint.of(TextPipeline.unspelled(), true)
                .differences(PipelineFingerprint.of(TextPipeline.standard(), true)).size(), check.differing());
        assertTrue(check.differing() > 0 && check.differing() < check.probes(), check.message());
        String m = check.message();
        assertTrue(m.startsWith(file + ": this checkout's text pipeline reads " + check.differing() + " of the " + check.probes()
                + " probe texts otherwise than the one it was trained with (commit abc1234)"), m);
        assertTrue(m.contains("tokens at training [") && m.contains("], now ["), m);
        JsonNode json = check.toJson();
        assertEquals("DIFFERS", json.get("status").asText());
        assertEquals(check.differing(), json.get("differing").asInt());
        assertEquals(m, json.get("message").asText());

        BundleException refused = assertThrows(BundleException.class, () -> check.enforce(true, "--strict-pipeline"));
        assertTrue(refused.getMessage().startsWith("model bundle " + file + ": refused (--strict-pipeline): " + m), refused.getMessage());
        assertSame(check, check.enforce(false, "--strict-pipeline"), "not strict: warned of, not refused");
    }

    @Test
    void aBundleWithoutAFingerprintPredatesTheCheckAndNamesItsCommit() {
        Path file = dir.resolve("old.zip");
        PipelineCheck check = PipelineCheck.of(file, provenance(null), TextPipeline.standard(), true);
        assertEquals(PipelineCheck.Status.UNRECORDED, check.status());
        assertTrue(check.warns());
        assertTrue(check.message().startsWith(file + " predates the pipeline check; trained at commit abc1234"), check.message());
        assertThrows(BundleException.class, () -> check.enforce(true, "strictPipeline: true"),
                "strict: a bundle not shown to read text as at training is refused");
    }

    @Test
    void aSidecarAppliesToTheBundleItNamesAlone() throws Exception {
        Path file = dir.resolve("old.zip");
        ObjectNode sidecar = JSON.createObjectNode();
        sidecar.putObject("bundle").put("name", "parley-toxicity").put("version", "2026.12.05.1200").put("createdAt", "2026-12-05T12:00:00Z");
        sidecar.set(PipelineFingerprint.KEY, PipelineFingerprint.of(TextPipeline.unspelled(), true).toJson());
        Files.writeString(dir.resolve("old.text-pipeline.json"), sidecar.toString());
        PipelineCheck check = PipelineCheck.of(file, provenance(null), TextPipeline.standard(), true);
        assertEquals(PipelineCheck.Status.DIFFERS, check.status());
        assertTrue(check.message().contains("fingerprint computed at that commit afterwards, old.text-pipeline.json"), check.message());

        ObjectNode retrained = provenance(null).put("createdAt", "2026-12-06T09:00:00Z");
        assertEquals(PipelineCheck.Status.UNRECORDED, PipelineCheck.of(file, retrained, TextPipeline.standard(), true).status(),
                "another bundle under the same file name is not the one the sidecar was computed for");
        // What a bundle keeping this one's part carries along (a stance bundle's targetModel): the sidecar's record.
        assertEquals(sidecar.get(PipelineFingerprint.KEY), PipelineCheck.recorded(file, provenance(null)));
        assertNull(PipelineCheck.recorded(file, retrained));
        ObjectNode own = provenance(PipelineFingerprint.of(TextPipeline.standard(), true));
        assertEquals(own.get(PipelineFingerprint.KEY), PipelineCheck.recorded(file, own), "its own record before a sidecar");
    }

    @Test
    void aFingerprintWhoseReadingsWereEditedIsRefused() {
        ObjectNode p = provenance(PipelineFingerprint.of(TextPipeline.standard(), false));
        ((ObjectNode) p.at("/" + PipelineFingerprint.KEY + "/probes/0")).putArray("tokens").add("edited");
        BundleException e = assertThrows(BundleException.class, () -> PipelineCheck.of(dir.resolve("m.zip"), p, TextPipeline.standard(), false));
        assertTrue(e.getMessage().contains("provenance.json's textPipeline cannot be read: its digest"), e.getMessage());
    }

    @Test
    void theProbesExerciseEveryStage() {
        // Each text stage, the cleaner's folds and the wide text change the reading of at least one probe: without that a
        // change to the stage could go unseen.
        PipelineFingerprint f = PipelineFingerprint.of(TextPipeline.standard(), true);
        List<String> texts = PipelineFingerprint.probeTexts();
        assertTrue(texts.size() >= 30);
        assertTrue(f.probes().stream().anyMatch(p -> p.tokens().contains(TextPipeline.URL)));
        assertTrue(f.probes().stream().anyMatch(p -> p.tokens().contains(TextPipeline.EMAIL)));
        assertTrue(f.probes().stream().anyMatch(p -> p.tokens().contains(TextPipeline.USER)));
        assertTrue(f.probes().stream().anyMatch(p -> p.tokens().contains(TextPipeline.NUMBER)));
        assertTrue(f.probes().stream().anyMatch(p -> p.tokens().contains(TextPipeline.ALL_CAPS)));
        assertTrue(f.probes().stream().anyMatch(p -> !p.wideText().equals(p.text())), "some probe's wide text is written out");
        assertFalse(PipelineFingerprint.of(TextPipeline.unspelled(), true).differences(f).isEmpty(), "the speller shows");
    }

    /**
     * The shipped bundles predate the check; their sidecars hold the readings of their training commits' pipelines
     * (fc58b0e, b5ec6b3), so this checkout is flagged as reading them otherwise (the speller, look-alike letters, the wide
     * text's written-out styled letters), and each sidecar names the bundle file it was computed for by its SHA-256.
     */
    @Test
    void theShippedBundlesAreFlaggedAsReadOtherwiseThanAtTraining() throws Exception {
        record Shipped(Path file, BundleFile.Kind kind, boolean wide, String commit) {}
        for (Shipped s : List.of(new Shipped(Bundles.shipped(), ModelBundle.KIND, true, "fc58b0ec21cd3d377cddeab424039b218021ee1f"),
                new Shipped(StanceBundle.shipped(), new BundleFile.Kind("stance bundle", StanceBundle.FORMAT, 1, StanceBundle.VERSION), false,
                        "b5ec6b394664672ce7d5bc2663a0c217ee581bc4"))) {
            BundleFile bundle = BundleFile.read(s.file(), s.kind());
            JsonNode provenance = bundle.object(s.file(), "provenance.json");
            assertFalse(provenance.has(PipelineFingerprint.KEY), "the shipped bundles are not rewritten");
            PipelineCheck check = PipelineCheck.of(s.file(), provenance, TextPipeline.standard(), s.wide());
            assertEquals(PipelineCheck.Status.DIFFERS, check.status(), check.message());
            assertEquals(s.commit(), check.trainedAt());
            assertEquals(PipelineCheck.sidecar(s.file()), check.sidecar());
            JsonNode sidecar = JSON.readTree(check.sidecar().toFile());
            assertEquals(bundle.checksum(), sidecar.at("/bundle/sha256").asText(), s.file() + ": the sidecar names this file");
            assertEquals(s.commit(), sidecar.get("computedAt").asText());
        }
    }

    /**
     * A shipped bundle copied elsewhere without its sidecar read as predating the check (forty-sixth session's known
     * gap): the shipped bundles' sidecars are looked in too, and the one naming the bundle is used, named in full.
     */
    @Test
    void aShippedBundleCopiedWithoutItsSidecarIsStillReadAgainstIt() throws Exception {
        Path shipped = StanceBundle.shipped();
        Path copy = Files.createDirectories(dir.resolve("elsewhere")).resolve("stance-copy.zip");
        Files.copy(shipped, copy);
        JsonNode provenance = BundleFile.read(copy, new BundleFile.Kind("stance bundle", StanceBundle.FORMAT, 1, StanceBundle.VERSION))
                .object(copy, "provenance.json");
        PipelineCheck check = PipelineCheck.of(copy, provenance, TextPipeline.standard(), false);
        assertEquals(PipelineCheck.Status.DIFFERS, check.status(), check.message());
        assertEquals(PipelineCheck.sidecar(shipped).toAbsolutePath(), check.sidecar());
        assertTrue(check.message().startsWith(copy + ": "), check.message());
        assertTrue(check.message().contains("fingerprint computed at that commit afterwards, " + check.sidecar() + ")"), check.message());
        assertEquals(PipelineCheck.of(shipped, provenance, TextPipeline.standard(), false).differing(), check.differing());

        ObjectNode another = provenance.deepCopy();
        another.put("createdAt", "2026-12-06T09:00:00Z");
        assertEquals(PipelineCheck.Status.UNRECORDED, PipelineCheck.of(copy, another, TextPipeline.standard(), false).status(),
                "no shipped sidecar names another bundle");
    }
}
