package org.parley.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip file every Parley bundle is (toxicity, stance): {@code bundle.json} names the format
 * and version and lists every other entry with its SHA-256, so a truncated or edited bundle is
 * refused at load instead of scoring wrongly. Written through {@link org.parley.io.AtomicFile}, so
 * a reader never sees half a bundle and a failed write names the file; entries carry no timestamps,
 * so the same content gives the same bytes.
 *
 * @param entries  every entry but the manifest, by name
 * @param version  the format version the manifest gives
 * @param fileSum  SHA-256 of the whole file, once computed ({@link #checksum})
 */
public record BundleFile(Map<String, byte[]> entries, int version, FileChecksum fileSum) {
    public static final String MANIFEST = "bundle.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What a kind of bundle is called in messages, its format name and the versions this code reads. */
    public record Kind(String name, String format, int oldest, int newest) {}

    public static void write(Path file, Kind kind, Map<String, byte[]> entries) throws IOException {
        ObjectNode manifest = JSON.createObjectNode().put("format", kind.format()).put("version", kind.newest());
        ObjectNode sums = manifest.putObject("sha256");
        entries.forEach((name, bytes) -> sums.put(name, sha256(bytes)));
        org.parley.io.AtomicFile.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.setLevel(9);
                put(zip, MANIFEST, JSON.writeValueAsBytes(manifest));
                for (Map.Entry<String, byte[]> e : entries.entrySet()) put(zip, e.getKey(), e.getValue());
            }
        });
    }

    /**
     * Reads a bundle and checks its format, its version and every entry its manifest lists; every
     * failure is a {@link BundleException} naming the file and the problem. Whether the entries a
     * kind needs are all there is the caller's to check ({@link #require}). The file's checksum is
     * computed on another core meanwhile.
     */
    public static BundleFile read(Path file, Kind kind) {
        return read(file, kind, true);
    }

    /**
     * As {@link #read(Path, Kind)}; with {@code checksumAhead} false, the file's checksum is
     * computed only if {@link #checksum} is called (scripts/score never asks for it: it is a few
     * hundred milliseconds of a core, where the other core is tokenising while the bundle loads).
     */
    public static BundleFile read(Path file, Kind kind, boolean checksumAhead) {
        // A device or a pipe has no end to read to: an admin task's ?path=/dev/zero took the whole heap (a second
        // penetration test, twenty-eighth session), and a pipe with no writer would hold the task's thread.
        if (Files.exists(file) && !Files.isRegularFile(file))
            throw new BundleException(file, "is not a file (a directory, a device or a pipe)");
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, "file not found");
        } catch (IOException e) {
            throw new BundleException(file, "cannot be read: " + e.getMessage(), e);
        }
        return read(file, all, kind, checksumAhead);
    }

    /**
     * As {@link #read(Path, Kind, boolean)}, of a bundle's bytes already read ({@code file} names them in messages: a
     * resource of the jar, say). A kind whose oldest version is 0 also reads a file without a manifest, written before
     * its kind had one (the span tagger's, until the forty-eighth session): version 0, its entries checked only by the
     * zip's own CRCs and end record, and all kept.
     */
    public static BundleFile read(Path file, byte[] all, Kind kind, boolean checksumAhead) {
        // The file's checksum on another core while the entries are inflated and checked: SHA-256
        // of tens of MB takes a few hundred ms before the JIT has compiled it.
        FileChecksum checksum = checksumAhead ? FileChecksum.ahead(all) : FileChecksum.onDemand(all);
        Map<String, byte[]> entries = unzip(file, all);
        byte[] manifestBytes = entries.remove(MANIFEST);
        if (manifestBytes == null && kind.oldest() == 0) return new BundleFile(entries, 0, checksum);
        if (manifestBytes == null) throw new BundleException(file, "not a Parley " + kind.name() + " (no " + MANIFEST + " inside)");
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            throw new BundleException(file, "entry " + MANIFEST + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!kind.format().equals(manifest.path("format").asText()))
            throw new BundleException(file, MANIFEST + " has format '" + manifest.path("format").asText() + "', expected '" + kind.format() + "'");
        int version = manifest.path("version").asInt(-1);
        if (version < kind.oldest() || version > kind.newest())
            throw new BundleException(file, "incompatible " + kind.name() + " format version " + manifest.path("version")
                    + "; this Parley reads versions " + kind.oldest() + " to " + kind.newest());
        JsonNode sums = manifest.path("sha256");
        for (var it = sums.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            byte[] bytes = entries.get(name);
            if (bytes == null) throw new BundleException(file, "entry " + name + " is missing");
            if (!sums.get(name).asText().equals(sha256(bytes)))
                throw new BundleException(file, "entry " + name + " is corrupt (SHA-256 does not match " + MANIFEST + ")");
        }
        // Entries the manifest does not list are unchecked: drop them rather than trust them.
        entries.keySet().retainAll(listed(sums));
        return new BundleFile(entries, version, checksum);
    }

    /**
     * The format a bundle's manifest names, or null where the file is no readable bundle: for a
     * message that says which kind of bundle was given where another was expected.
     */
    public static String format(Path file) {
        try {
            byte[] manifest = unzip(file, Files.readAllBytes(file)).get(MANIFEST);
            return manifest == null ? null : JSON.readTree(manifest).path("format").textValue();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** SHA-256 of the whole file (what a score's provenance names). */
    public String checksum() {
        return fileSum.get();
    }

    /** The SHA-256 of a whole bundle file: computed once, on another thread from the start or on first use. */
    public static final class FileChecksum implements java.util.function.Supplier<String> {
        private byte[] file;
        private java.util.concurrent.CompletableFuture<String> ahead;
        private String sum;

        private FileChecksum(byte[] file, boolean ahead) {
            if (ahead) this.ahead = java.util.concurrent.CompletableFuture.supplyAsync(() -> sha256(file));
            else this.file = file;
        }

        static FileChecksum ahead(byte[] file) {
            return new FileChecksum(file, true);
        }

        static FileChecksum onDemand(byte[] file) {
            return new FileChecksum(file, false);
        }

        @Override
        public synchronized String get() {
            if (sum == null) {
                sum = ahead != null ? ahead.join() : sha256(file);
                ahead = null;
                file = null; // tens of MB, not kept once read
            }
            return sum;
        }
    }

    /** Fails, naming the file, unless every one of these entries is there (and so checked). */
    public void require(Path file, Iterable<String> names) {
        for (String name : names) if (!entries.containsKey(name)) throw new BundleException(file, "entry " + name + " is missing");
    }

    /** Reads one entry's bytes into what it holds. */
    @FunctionalInterface
    public interface EntryReader<T> {
        T read(byte[] bytes) throws IOException;
    }

    /**
     * One entry, read: any failure, or nothing read (a JSON {@code null}), names the entry. An
     * entry can pass its checksum and still be wrong, when whoever changed it wrote the manifest
     * again; the message then says which entry, not what the reader tripped on inside it.
     */
    public <T> T read(Path file, String name, EntryReader<T> reader) {
        require(file, java.util.List.of(name));
        T value;
        try {
            value = reader.read(entries.get(name));
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(file, "entry " + name + " cannot be read: " + firstLine(e), e);
        }
        if (value == null) throw new BundleException(file, "entry " + name + " is empty (JSON null)");
        return value;
    }

    /** An entry that must be a JSON object (provenance, calibration): anything else names the entry. */
    public ObjectNode object(Path file, String name) {
        JsonNode node = read(file, name, JSON::readTree);
        if (!(node instanceof ObjectNode object)) throw new BundleException(file, "entry " + name + " is not a JSON object");
        return object;
    }

    /** The first line of an exception's message (Jackson adds a location line that says nothing here). */
    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static java.util.Set<String> listed(JsonNode sums) {
        java.util.Set<String> names = new java.util.HashSet<>();
        sums.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, byte[]> unzip(Path file, byte[] all) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(all))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), zip.readAllBytes());
        } catch (ZipException e) {
            throw new BundleException(file, "is not a valid zip file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new BundleException(file, "is truncated or not a zip file: " + e.getMessage(), e);
        }
        if (entries.isEmpty()) throw new BundleException(file, "is empty or not a zip file");
        // Entries are read from the front: a copy still under way, or cut short, whose entries are all there but not its
        // zip's directory at the end loaded as a file whose checksum is no bundle's (forty-eighth session).
        if (!hasEnd(all)) throw new BundleException(file, "is truncated: its zip's end record is missing (a copy still under way, or cut short?)");
        return entries;
    }

    /** Whether the zip's end-of-central-directory record (PK\5\6) is there, followed by at most its comment. */
    private static boolean hasEnd(byte[] all) {
        for (int at = all.length - 22; at >= 0 && at >= all.length - 22 - 0xffff; at--)
            if (all[at] == 'P' && all[at + 1] == 'K' && all[at + 2] == 5 && all[at + 3] == 6
                    && at + 22 + ((all[at + 20] & 0xff) | (all[at + 21] & 0xff) << 8) == all.length) return true;
        return false;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
