package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.model.BundleException;
import org.parley.model.BundleFile;
import org.parley.model.ForgedBundles;
import org.parley.text.TextPipeline;

/**
 * Bundles written by commit d085263, the last with the two removed training modes: a target
 * network stacked on the wide part (--wide-stacked) and a reply model with a wide part
 * (--reply-wide). Both are refused, naming the entry and the mode; a blended bundle of that
 * commit (whose {@code target/wide.json} says {@code "stacked": false}) still loads.
 * The two resources are tiny models trained with that commit's TinyStance data.
 */
class StanceBundleTest {
    private static final List<String> TEXTS = List.of("i love plums", "is that true ?"), CONTEXTS = List.of("plums", "bomb in paris 1");

    @Test
    void aWideStackedBundleIsRefusedNamingTheEntryAndTheMode() throws Exception {
        assertRefusedNamingTheEntryAndTheMode("wide-stacked-d085263.zip", "target/wide.json", "--wide-stacked");
    }

    /** Even without its wide.json flag, a network reading wide logits is refused, not run without them. */
    @Test
    void aStackedNetworkIsRefusedWhateverWideJsonSays(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = entries(resource("wide-stacked-d085263.zip"));
        entries.put("target/wide.json", new String(entries.get("target/wide.json")).replace("\"stacked\" : true", "\"stacked\" : false").getBytes());
        String message = refusal(write(dir.resolve("stacked-unflagged.zip"), entries));
        assertTrue(message.contains("target/network.json") && message.contains("--wide-stacked"), message);
    }

    @Test
    void aReplyWideBundleIsRefusedNamingTheEntryAndTheMode() throws Exception {
        assertRefusedNamingTheEntryAndTheMode("reply-wide-d085263.zip", "reply/wide.json", "--reply-wide");
    }

    /** A bundle of a removed mode is refused with a message naming its entry, the mode's option and the commit that reads it. */
    private static void assertRefusedNamingTheEntryAndTheMode(String resource, String entry, String option) throws Exception {
        String message = refusal(resource(resource));
        assertTrue(message.contains(entry) && message.contains(option) && message.contains(StanceBundle.REMOVED_MODES_COMMIT), message);
    }

    /** The same bundle less its reply wide part is an ordinary blended bundle of that commit: it loads and scores. */
    @Test
    void aBlendedBundleOfThatCommitStillLoads(@TempDir Path dir) throws Exception {
        Map<String, byte[]> entries = entries(resource("reply-wide-d085263.zip"));
        entries.keySet().removeIf(k -> k.startsWith("reply/wide"));
        assertTrue(new String(entries.get("target/wide.json")).contains("\"stacked\" : false"));
        StanceModel m = StanceBundle.load(write(dir.resolve("blended.zip"), entries), TextPipeline.standard());
        assertNotNull(m.wide());
        float[][] net = m.targetModel().predict(TEXTS, CONTEXTS), wide = m.wide().predict(TEXTS, CONTEXTS);
        float[][] p = m.targetProbabilities(TEXTS, CONTEXTS);
        for (int i = 0; i < p.length; i++)
            for (int k = 0; k < p[i].length; k++) assertEquals(0.5 * net[i][k] + 0.5 * wide[i][k], p[i][k], 1e-6);
        assertArrayEquals(m.replyModel().predict(TEXTS, CONTEXTS)[1], m.replyProbabilities(TEXTS, CONTEXTS)[1]);
    }

    /** A hand-edited or forged bundle whose manifest matches its broken entry: the message names the entry. */
    @Test
    void anEntryBrokenUnderARewrittenManifestIsNamed(@TempDir Path dir) throws Exception {
        ForgedBundles.assertEachBrokenEntryIsNamed(TinyStance.bundle(), StanceBundle.KIND, dir, file -> StanceBundle.load(file, TextPipeline.standard()));
    }

    /** The message of the BundleException that loading this file throws. */
    static String refusal(Path file) {
        return assertThrows(BundleException.class, () -> StanceBundle.load(file, TextPipeline.standard())).getMessage();
    }

    /** A bundle's entries, less its manifest: to be changed and written again with {@link #write}. */
    static Map<String, byte[]> entries(Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>(BundleFile.read(file, StanceBundle.KIND).entries());
        entries.remove(BundleFile.MANIFEST);
        return entries;
    }

    static Path write(Path file, Map<String, byte[]> entries) throws Exception {
        BundleFile.write(file, StanceBundle.KIND, entries);
        return file;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(StanceBundleTest.class.getResource(name).toURI());
    }
}
