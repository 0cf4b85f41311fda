package org.parley.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A write that fails half-way (as on a full disk) leaves the earlier file whole, nothing beside it, and names the file. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aWriteThatFailsHalfWayLeavesTheEarlierFileAndNoTemporaryOneAndNamesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("model.zip"), "the earlier bundle");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write("half a bun".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device"); // what a full disk's write says, and no more
        }));
        assertEquals("cannot write " + file + ": No space left on device", e.getMessage());
        assertEquals("the earlier bundle", Files.readString(file));
        assertEquals(1, count(), "no temporary file is left beside it");
    }

    /**
     * A write killed with {@code kill -9} leaves its hidden temporary file (tens of MB for a bundle): a later write of the
     * same name deletes those a day old, and no other's, nor one a live write of the name may be filling. Until the
     * forty-eighth session nothing deleted them.
     */
    @Test
    void aWriteDeletesItsNamesTemporaryFilesADayOldAndNoOthers() throws IOException {
        java.nio.file.attribute.FileTime twoDaysAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
        Path killed = old(".model.zip.3k9x0q2m1z7ab.tmp", twoDaysAgo);
        Path live = Files.writeString(dir.resolve(".model.zip.5f2.tmp"), "a write under way"); // touched just now
        Path anothers = old(".model.zip.v2.7dd.tmp", twoDaysAgo); // model.zip.v2's, not model.zip's
        Path someoneElses = old(".model.zip.notes.tmp.bak", twoDaysAgo);
        Path otherName = old(".stance.zip.3k9.tmp", twoDaysAgo);
        Path file = dir.resolve("model.zip");
        AtomicFile.write(file, out -> out.write(1));
        assertFalse(Files.exists(killed), "a day old, of this name: a killed write's");
        for (Path kept : new Path[] {live, anothers, someoneElses, otherName, file}) assertTrue(Files.exists(kept), kept.toString());
        assertEquals(5, count());
    }

    private Path old(String name, java.nio.file.attribute.FileTime time) throws IOException {
        Path f = Files.writeString(dir.resolve(name), "left by a killed write");
        Files.setLastModifiedTime(f, time);
        return f;
    }

    @Test
    void aWholeWriteReplacesTheFileAndAStreamClosedByItsWriterIsStillWritten() throws IOException {
        Path file = Files.writeString(dir.resolve("model.zip"), "the earlier bundle");
        AtomicFile.write(file, out -> {
            try (var zip = new java.util.zip.GZIPOutputStream(out)) { // closes what it is given, as a zip does
                zip.write("the new bundle".getBytes(StandardCharsets.UTF_8));
            }
        });
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            assertEquals("the new bundle", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(1, count());
    }

    @Test
    void aFolderThatCannotBeMadeIsNamedWithTheFile() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
        Path file = plain.resolve("model.zip");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> out.write(1)));
        assertEquals("cannot write " + file + ": " + plain + " is a file, not a folder", e.getMessage());
    }

    /** A device (--output /dev/stdout, /dev/full here) is written into, never replaced by a file renamed over it. */
    @Test
    void aDeviceIsWrittenIntoAndItsFailureNamed() {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full) && !Files.isRegularFile(full), "Linux's /dev/full");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(full, out -> {
            out.write(new byte[8192]);
            out.flush();
        }));
        assertEquals("cannot write /dev/full: No space left on device", e.getMessage());
        assertFalse(Files.isRegularFile(full), "still the device");
    }

    private long count() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
