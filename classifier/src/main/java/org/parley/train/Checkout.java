package org.parley.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.model.BundleFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The checkout a bundle is trained from: its commit, the files that differ from it, and what they hold, as one patch
 * that {@code git apply} applies to the commit to give back the tree ({@code git diff HEAD} of the changed tracked
 * files, and each untracked code file as a new file). A bundle carries the patch as {@link #ENTRY}; naming the changed
 * files alone left a bundle from a changed checkout impossible to rebuild. A file whose part of the patch would be over
 * {@link #MAX_FILE_PATCH} bytes (a data file or a bundle copied into {@code models/}) is left out, named with its size
 * and SHA-256, so the patch stays small and says what it lacks.
 *
 * @param commit       {@code git rev-parse HEAD}, or "unknown" outside a checkout (training must not fail for lack of git)
 * @param changedFiles each changed tracked file, then each untracked code file, as paths from the checkout's top
 * @param patch        the patch of the changed files but those left out; empty where nothing changed
 * @param leftOut      the files whose part of the patch was too large
 */
public record Checkout(String commit, List<String> changedFiles, byte[] patch, List<LeftOut> leftOut) {
    /** The bundle entry that holds the patch. */
    public static final String ENTRY = "provenance/uncommitted.patch";
    static final int MAX_FILE_PATCH = 1 << 20;
    static final String UNKNOWN = "unknown";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where an untracked file is code that the build compiles or the scripts run. */
    private static final List<String> CODE = List.of("classifier/", "service/", "scripts/", "pom.xml");

    /**
     * A file left out of the patch: its size and SHA-256 as it is in the checkout ({@code bytes} -1 and no hash for a
     * deleted file, whose deletion alone was too large to write).
     */
    public record LeftOut(String file, long patchBytes, long bytes, String sha256) {}

    /** The checkout {@link Provenance#codeDirectory()} is in, now. */
    public static Checkout now() {
        return of(Provenance.codeDirectory());
    }

    static Checkout of(Path dir) {
        byte[] top = git(dir, "rev-parse", "--show-toplevel");
        byte[] head = git(dir, "rev-parse", "HEAD");
        if (top == null || head == null) return new Checkout(UNKNOWN, List.of(), new byte[0], List.of());
        Path root = Path.of(text(top));
        // -z: paths exactly as they are, never quoted; --no-renames: a staged rename is a deletion and a new file.
        byte[] tracked = git(root, "diff", "HEAD", "--name-only", "-z", "--no-renames");
        byte[] untracked = git(root, "ls-files", "--others", "--exclude-standard", "-z");
        if (tracked == null || untracked == null) return new Checkout(text(head), List.of(), new byte[0], List.of());
        List<String> changed = new ArrayList<>(paths(tracked));
        // Untracked files among the code only: notes and runs beside it did not build the model.
        List<String> added = paths(untracked).stream().filter(p -> CODE.stream().anyMatch(p::startsWith)).toList();
        changed.addAll(added);
        ByteArrayOutputStream patch = new ByteArrayOutputStream();
        List<LeftOut> leftOut = new ArrayList<>();
        for (String file : changed) {
            Path f = root.resolve(file);
            long bytes = Files.isRegularFile(f) ? size(f) : -1;
            byte[] part = bytes > MAX_FILE_PATCH ? null : added.contains(file)
                    ? git(root, 1, "diff", "--no-index", "--binary", "--", "/dev/null", file) // exit 1: they differ
                    : git(root, "diff", "HEAD", "--binary", "--no-renames", "--", ":(literal)" + file);
            if (part != null && part.length <= MAX_FILE_PATCH) {
                patch.writeBytes(part);
            } else {
                leftOut.add(new LeftOut(file, part == null ? -1 : part.length, bytes, bytes < 0 ? null : sha256(f)));
            }
        }
        return new Checkout(text(head), List.copyOf(changed), patch.toByteArray(), List.copyOf(leftOut));
    }

    /** The bundle entries that carry what changed: the patch, where anything did. */
    public Map<String, byte[]> entries() {
        return changedFiles.isEmpty() ? Map.of() : Map.of(ENTRY, patch);
    }

    /** What the provenance says of the patch: its entry, size and hash, and what was left out of it. */
    ObjectNode patchJson() {
        ObjectNode out = JSON.createObjectNode().put("entry", ENTRY).put("bytes", patch.length)
                .put("sha256", BundleFile.sha256(patch)).put("maxBytesPerFile", MAX_FILE_PATCH)
                .put("apply", "git checkout " + commit + " && unzip -p BUNDLE.zip " + ENTRY + " | git apply");
        if (!leftOut.isEmpty()) {
            var files = out.putArray("leftOut");
            for (LeftOut l : leftOut) {
                ObjectNode n = files.addObject().put("file", l.file());
                if (l.patchBytes() >= 0) n.put("patchBytes", l.patchBytes());
                if (l.bytes() >= 0) n.put("bytes", l.bytes()).put("sha256", l.sha256());
                else n.put("deleted", true);
            }
        }
        return out;
    }

    private static List<String> paths(byte[] z) {
        List<String> out = new ArrayList<>();
        for (String p : new String(z, StandardCharsets.UTF_8).split("\0")) if (!p.isEmpty()) out.add(p);
        return out;
    }

    private static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String sha256(Path f) {
        try {
            return BundleFile.sha256(Files.readAllBytes(f));
        } catch (IOException | OutOfMemoryError e) {
            return UNKNOWN;
        }
    }

    private static String text(byte[] answer) {
        return new String(answer, StandardCharsets.UTF_8).trim();
    }

    private static byte[] git(Path dir, String... args) {
        return git(dir, 0, args);
    }

    /** git's standard output in {@code dir}, or null where it failed (exit status other than 0 and {@code alsoOk}). */
    private static byte[] git(Path dir, int alsoOk, String... args) {
        // A user's settings must not change what is read: no a/ b/ prefixes, an external diff or a text filter would
        // write a patch git apply cannot apply.
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-c", "diff.noprefix=false",
                "-c", "diff.mnemonicPrefix=false", "-c", "diff.relative=false"));
        cmd.addAll(List.of(args));
        if (args[0].equals("diff")) cmd.addAll(cmd.indexOf("diff") + 1, List.of("--no-ext-diff", "--no-textconv", "--no-color"));
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 || p.exitValue() == alsoOk ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
