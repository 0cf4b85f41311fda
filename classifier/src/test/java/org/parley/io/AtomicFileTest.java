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
