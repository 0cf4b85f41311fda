package org.parley.model;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Bundles with one entry broken and the manifest written again to match, as a hand edit or a
 * forgery would leave them: the checksums pass, so only the loader's own checks stand between
 * the entry and an internal error. A security audit found a stance bundle so edited failing with
 * "Cannot invoke ... because config is null", naming nothing.
 */
public final class ForgedBundles {
    /** What a JSON entry is replaced with; a binary entry gets the non-JSON ones and half its length. */
    private static final List<String> JSON_VALUES = List.of("null", "[]", "{}", "{\"x\": 1}", "not json");
    private static final List<String> BINARY_VALUES = List.of("", "abc");

    private ForgedBundles() {}

    /** Each entry of the bundle broken in turn: loading it throws a BundleException naming that entry. */
    public static void assertEachBrokenEntryIsNamed(Path bundle, BundleFile.Kind kind, Path dir, Consumer<Path> load) throws IOException {
        Map<String, byte[]> entries = BundleFile.read(bundle, kind).entries();
        for (String name : entries.keySet()) {
            boolean json = name.endsWith(".json");
            for (byte[] broken : brokenValues(entries.get(name), json)) {
                if (name.equals("provenance.json") && new String(broken, StandardCharsets.UTF_8).startsWith("{")) continue; // any object is a provenance
                Map<String, byte[]> forged = new LinkedHashMap<>(entries);
                forged.put(name, broken);
                Path file = dir.resolve("forged.zip");
                BundleFile.write(file, new BundleFile.Kind(kind.name(), kind.format(), kind.newest(), kind.newest()), forged);
                String what = name + " <- " + (json ? new String(broken, StandardCharsets.UTF_8) : broken.length + " bytes");
                String message = assertThrows(BundleException.class, () -> load.accept(file), what).getMessage();
                assertTrue(message.contains(name), what + ": " + message);
                assertFalse(message.contains("Cannot invoke") || message.contains("cannot be cast"), what + ": " + message);
            }
        }
    }

    private static List<byte[]> brokenValues(byte[] original, boolean json) {
        if (json) return JSON_VALUES.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        List<byte[]> values = new java.util.ArrayList<>(BINARY_VALUES.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList());
        values.add(Arrays.copyOf(original, original.length / 8 * 4)); // whole floats, but too few of them
        return values;
    }
}
