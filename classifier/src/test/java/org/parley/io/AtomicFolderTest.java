package org.parley.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder replaced whole (the forty-ninth session; report folders were written file by file): a write that fails
 * half-way, as on a full disk (AtomicFileTest's seam), leaves every earlier file as it was and names the folder and the
 * cause.
 */
class AtomicFolderTest {
    private static final Predicate<String> TXT = name -> name.endsWith(".txt");

    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfWayLeavesTheEarlierFolderAndNamesItAndTheCause() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("report"));
        Files.writeString(folder.resolve("a.txt"), "the earlier a");
        Files.writeString(folder.resolve("b.txt"), "the earlier b");
        IOException e = assertThrows(IOException.class, () -> AtomicFolder.write(folder, TXT, into -> {
            AtomicFile.write(into.resolve("a.txt"), out -> out.write("the new a".getBytes(StandardCharsets.UTF_8)));
            AtomicFile.write(into.resolve("b.txt"), out -> {
                out.write("half a n".getBytes(StandardCharsets.UTF_8));
                throw new IOException("No space left on device"); // what a full disk's write says, and no more
            });
        }));
        assertEquals("cannot write " + folder + " (left as it was): cannot write " + folder.resolve("b.txt") + ": No space left on device",
                e.getMessage());
        assertLeftAsItWas(folder, Map.of("a.txt", "the earlier a", "b.txt", "the earlier b"));
    }

    /** A link to a folder stays a link; the folder it names holds the new files, and those alone. */
    @Test
    void aWholeWriteReplacesEveryFileAndALinkStaysALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real"));
        Files.writeString(real.resolve("old.txt"), "the earlier run's");
        Path link = Files.createSymbolicLink(dir.resolve("report"), real);
        AtomicFolder.write(link, TXT, into -> AtomicFile.write(into.resolve("new.txt"), out -> out.write('n')));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of("new.txt"), names(real));
        assertEquals(List.of("real", "report"), names(dir));
    }

    /**
     * A write killed while writing leaves its {@code .NAME.RANDOM.tmp} folder; one killed between its two renames, the
     * earlier folder as {@code .NAME.RANDOM.old}. The next write of the name deletes those a day old (their files of the
     * writer's names; a file of another's is left, with its folder), and not another name's nor a live write's.
     */
    @Test
    void aWriteDeletesItsNamesLeftoversADayOldButNoFileItDidNotWrite() throws IOException {
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        Path killed = leftover(".report.3k9x0q2m1z7ab.tmp", twoDaysAgo, "a.txt");
        Path between = leftover(".report.5f2.old", twoDaysAgo, "a.txt");
        Path withNotes = leftover(".report.7dd.old", twoDaysAgo, "a.txt", "notes.md");
        Path live = leftover(".report.9zz.tmp", FileTime.from(Instant.now()), "a.txt");
        Path anothers = leftover(".report.v2.7dd.tmp", twoDaysAgo, "a.txt");
        AtomicFolder.write(dir.resolve("report"), TXT, into -> AtomicFile.write(into.resolve("a.txt"), out -> out.write('a')));
        assertFalse(Files.exists(killed));
        assertFalse(Files.exists(between));
        assertEquals(List.of("notes.md"), names(withNotes), "not the writer's: left");
        assertEquals(List.of("a.txt"), names(live));
        assertEquals(List.of("a.txt"), names(anothers));
        assertEquals(List.of(".report.7dd.old", ".report.9zz.tmp", ".report.v2.7dd.tmp", "report"), names(dir));
    }

    /**
     * A folder holding files its writer did not write is refused before the work (the writer is not run) and again
     * before the swap: a file put there while the new folder was written stays, with the earlier files, and nothing is
     * left beside it. The refusal names three of the files and counts the rest.
     */
    @Test
    void aFolderWithOthersFilesIsRefusedBeforeTheWorkAndAgainBeforeTheSwap() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("report"));
        Files.writeString(folder.resolve("a.txt"), "the earlier a");
        for (String other : List.of("e.md", "b.md", "d.md", "c.md", "f.md")) Files.writeString(folder.resolve(other), "a person's");
        boolean[] ran = {false};
        IOException before = assertThrows(IOException.class, () -> AtomicFolder.write(folder, TXT, into -> ran[0] = true));
        assertFalse(ran[0], "refused before the work");
        assertEquals("cannot write " + folder + " (left as it was): it holds files it was not written with (b.md, c.md, d.md"
                + " and 2 more), which replacing it whole would delete: name a new or empty folder, or move them out of " + folder,
                before.getMessage());

        assertEquals("b.md, c.md, d.md", AtomicFolder.some(List.of("b.md", "c.md", "d.md")), "three: all named, none counted");
        for (String other : List.of("e.md", "b.md", "d.md", "c.md", "f.md")) Files.delete(folder.resolve(other));
        IOException during = assertThrows(IOException.class, () -> AtomicFolder.write(folder, TXT, into -> {
            AtomicFile.write(into.resolve("a.txt"), out -> out.write("the new a".getBytes(StandardCharsets.UTF_8)));
            Files.writeString(folder.resolve("notes.md"), "put there meanwhile");
        }));
        assertTrue(during.getMessage().contains("it was not written with (notes.md)"), during.getMessage());
        assertLeftAsItWas(folder, Map.of("a.txt", "the earlier a", "notes.md", "put there meanwhile"));
    }

    /** The new folder takes the earlier one's permissions: a report folder shared with a group stays shared. */
    @Test
    void theNewFolderKeepsTheEarlierOnesPermissions() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("report"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwx---")); // umask gives rwxr-xr-x
        AtomicFolder.write(folder, TXT, into -> AtomicFile.write(into.resolve("a.txt"), out -> out.write('a')));
        assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwx---"), Files.getPosixFilePermissions(folder));
        assertEquals(List.of("a.txt"), names(folder));
    }

    /** The folder holds these files and no other, each as it was, and nothing was left beside it. */
    private void assertLeftAsItWas(Path folder, Map<String, String> files) throws IOException {
        assertEquals(List.copyOf(new java.util.TreeSet<>(files.keySet())), names(folder));
        for (Map.Entry<String, String> f : files.entrySet()) assertEquals(f.getValue(), Files.readString(folder.resolve(f.getKey())), f.getKey());
        assertEquals(List.of("report"), names(dir), "no hidden folder left beside it");
    }

    private Path leftover(String name, FileTime time, String... files) throws IOException {
        Path f = Files.createDirectories(dir.resolve(name));
        for (String file : files) Files.writeString(f.resolve(file), "left by a killed write");
        Files.setLastModifiedTime(f, time);
        return f;
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
