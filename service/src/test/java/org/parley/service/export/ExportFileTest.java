package org.parley.service.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** scripts/export-decisions' file: written through a .part that no way of stopping the export leaves behind for long. */
class ExportFileTest {
    @TempDir Path dir;

    /**
     * An OutOfMemoryError while writing went past the catch of Exception and left the .part file (0 bytes at the
     * reviewer's 1 GB heap; it holds comment text when the error comes later).
     */
    @Test
    void anErrorWhileWritingLeavesNoPartFile() throws Exception {
        Path out = dir.resolve("d.jsonl");
        assertThrows(OutOfMemoryError.class, () -> ExportFile.write(out, w -> {
            w.write("You are a complete idiot.\n");
            w.flush();
            throw new OutOfMemoryError("Java heap space");
        }, dead -> fail("nothing to delete: " + dead)));
        assertEquals(List.of(), files(), "neither the file nor a .part");
    }

    /**
     * A write that fails (a full disk: on a 256 KiB tmpfs the script said only "export-decisions: No space left on
     * device" until the forty-eighth session) names the file, and leaves neither it nor a .part.
     */
    @Test
    void aWriteThatFailsNamesTheFileAndLeavesNoPart() throws Exception {
        Path out = dir.resolve("d.jsonl");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> ExportFile.write(out, w -> {
            w.write("You are a complete idiot.\n");
            w.flush();
            throw new java.io.IOException("No space left on device");
        }, dead -> fail("nothing to delete: " + dead)));
        assertEquals("cannot write --out " + out + ": No space left on device", e.getMessage());
        assertEquals(List.of(), files(), "neither the file nor a .part");
    }

    /** SIGTERM while writing (a deploy stopping the job, Ctrl-C) left a 56 MB .part of comment text: no hook removed it. */
    @Test
    void aStopWhileWritingLeavesNoPartFile() throws Exception {
        Path out = dir.resolve("d.jsonl");
        Process p = writing(out);
        try {
            assertEquals(1, parts().size(), "the export is under way");
            p.destroy();  // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), files(), "neither the file nor a .part");
    }

    /**
     * kill -9 runs no hook and left the .part, comment text in it, for good. The next export to the file deletes it, and
     * says so; a .part that a running export is writing beside it (locked by that process) is left alone.
     */
    @Test
    void theNextExportDeletesTheKilledExportsPartButNotALiveOnes() throws Exception {
        Path out = dir.resolve("d.jsonl");
        Process killed = writing(out);
        Process live = null;
        try {
            Set<Path> killedPart = parts();
            live = writing(out);  // its own start leaves the first export's .part alone: that one is running
            Set<Path> livePart = parts();
            livePart.removeAll(killedPart);
            assertEquals(1, killedPart.size());
            assertEquals(1, livePart.size(), "both exports write: " + parts());
            killed.destroyForcibly();  // SIGKILL
            assertTrue(killed.waitFor(60, TimeUnit.SECONDS));
            assertEquals(2, parts().size(), "the killed export's .part is left by the kill");

            List<Path> told = new ArrayList<>();
            String result = ExportFile.write(out, w -> {
                w.write("{\"id\":\"c2\"}\n");
                return "done";
            }, told::add);

            assertEquals("done", result);
            assertEquals(List.copyOf(killedPart), told, "the dead export's .part is named");
            assertEquals(livePart, parts(), "the live export's .part is still there");
            assertEquals("{\"id\":\"c2\"}\n", Files.readString(out));
            assertTrue(Files.readString(livePart.iterator().next()).contains("complete idiot"), "and still its own");
            assertTrue(live.isAlive());
        } finally {
            killed.destroyForcibly();
            if (live != null) {
                live.destroy();
                assertTrue(live.waitFor(60, TimeUnit.SECONDS));
            }
        }
        assertEquals(List.of(out), files(), "the live export, stopped, removed its own");
    }

    /**
     * Only the file's own .parts ({@code NAME<digits>.part}) are looked at: another file's, or another name, are not
     * touched. One that no process holds locked (left by a kill -9, or by a version before the lock) is deleted.
     */
    @Test
    void aPartOfAnotherFileIsNotTouched() throws Exception {
        Path other = Files.writeString(dir.resolve("other.jsonl123.part"), "x");
        Path similar = Files.writeString(dir.resolve("d.jsonl.backup.part"), "x");
        Path stale = Files.writeString(dir.resolve("d.jsonl4711.part"), "x");
        List<Path> told = new ArrayList<>();
        ExportFile.write(dir.resolve("d.jsonl"), w -> null, told::add);
        assertEquals(List.of(stale), told);
        assertEquals(List.of(dir.resolve("d.jsonl"), similar, other), files());
    }

    /** A JVM running an export that writes part of its file and waits there, to be stopped. */
    private Process writing(Path out) throws Exception {
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(jvm, "-cp", System.getProperty("java.class.path"), Writing.class.getName(), out.toString())
                .redirectErrorStream(true).start();
        BufferedReader said = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertEquals("writing", said.readLine());
        return p;
    }

    static final class Writing {
        public static void main(String[] args) throws Exception {
            ExportFile.write(Path.of(args[0]), w -> {
                w.write("{\"id\":\"c1\",\"text\":\"You are a complete idiot.\"}\n");
                w.flush();
                System.out.println("writing");
                System.out.flush();
                try {
                    Thread.sleep(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }, dead -> System.out.println("deleted " + dead));
        }
    }

    private Set<Path> parts() throws Exception {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".part")).collect(Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private List<Path> files() throws Exception {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }
}
