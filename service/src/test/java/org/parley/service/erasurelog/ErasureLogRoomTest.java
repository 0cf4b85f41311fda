package org.parley.service.erasurelog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Room in the erasure log's directories, as its file system reports it (a seam for the bytes free: no test fills a disk). */
class ErasureLogRoomTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryWithLessThanAMebibyteFreeIsNamedAsFull() {
        assertNull(ErasureLogRoom.problem(List.of(dir), d -> ErasureLogRoom.MIN_FREE));
        assertEquals("the erasure log " + dir + " is full (4096 bytes free, under 1048576)",
                ErasureLogRoom.problem(List.of(dir), d -> 4096));
        assertEquals("the erasure log " + dir + " cannot be reached (is it there?)", ErasureLogRoom.problem(List.of(dir), d -> -1));
        assertEquals("the erasure log " + dir + " is full (0 bytes free, under 1048576)", ErasureLogRoom.problem(List.of(dir), d -> 0),
                "a disk with no byte left is full, not out of reach");
        assertNull(ErasureLogRoom.problem(List.of(), d -> 0), "no erasure log, nothing to keep room in");
    }

    @Test
    void theRealFileSystemIsAsked() {
        // The temporary directory has a mebibyte free wherever the tests can run; a missing one cannot be asked.
        assertNull(ErasureLogRoom.problem(List.of(dir), ErasureLogRoom::usable));
        assertEquals("the erasure log " + dir.resolve("gone") + " cannot be reached (is it there?)",
                ErasureLogRoom.problem(List.of(dir.resolve("gone")), ErasureLogRoom::usable));
    }

    /** What the gauge and its alert read: the fewest bytes among the directories, -1 for one that cannot be reached. */
    @Test
    void theLeastRoomIsTheFewestBytesAmongTheDirectories() {
        Path other = dir.resolve("archives");
        assertTrue(other.toFile().mkdir());
        assertEquals(4096, ErasureLogRoom.least(List.of(dir, other), d -> d.equals(other) ? 4096 : 1L << 30));
        assertEquals(-1, ErasureLogRoom.least(List.of(dir, other), d -> d.equals(other) ? -1 : 1L << 30));
        assertEquals(1L << 30, ErasureLogRoom.least(List.of(dir), d -> 1L << 30));
        assertEquals(0, ErasureLogRoom.least(List.of(dir), d -> 0), "a full disk reads 0, not the -1 of one out of reach");
    }
}
