package org.parley.service.erasurelog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** The operator's past months compressed once a day has passed since they ended, whatever a stop left before. */
class OperatorMonthsTest {
    @TempDir Path dir;

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private String unzipped(String name) throws Exception {
        try (var in = new GZIPInputStream(Files.newInputStream(dir.resolve(name)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMonthIsCompressedADayAfterItEndsAndTheMonthWinsOverAnArchiveAStopLeftBesideIt() throws Exception {
        Files.writeString(dir.resolve("operator-2026-10.log"), "october\n");
        Files.writeString(dir.resolve("operator-2026-11.log"), "november\n");
        Files.writeString(dir.resolve("operator-2026-12.log"), "december\n");
        Files.writeString(dir.resolve("sites.log"), "the service's\n");
        // A stop between the rename and the delete: the archive is there, and so is its month, which wins.
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("operator-2026-10.log.gz")))) {
            out.write("octo".getBytes(StandardCharsets.UTF_8));
        }

        // December's first day: November has just ended, a process may still be writing its last line there.
        assertEquals(1, OperatorMonths.compressPast(dir, Instant.parse("2026-12-01T23:59:59Z")));
        assertEquals(List.of("operator-2026-10.log.gz", "operator-2026-11.log", "operator-2026-12.log", "sites.log"), names());
        assertEquals("october\n", unzipped("operator-2026-10.log.gz"));

        assertEquals(1, OperatorMonths.compressPast(dir, Instant.parse("2026-12-02T00:00:00Z")));
        assertEquals(List.of("operator-2026-10.log.gz", "operator-2026-11.log.gz", "operator-2026-12.log", "sites.log"), names());
        assertEquals("november\n", unzipped("operator-2026-11.log.gz"));
        assertEquals(0, OperatorMonths.compressPast(dir, Instant.parse("2026-12-20T00:00:00Z")), "nothing left to do");
        assertEquals("december\n", Files.readString(dir.resolve("operator-2026-12.log")));
    }

    @Test
    void anEmptyPastMonthIsDeletedAndAMissingDirectoryIsNoFault() throws Exception {
        Files.createFile(dir.resolve("operator-2026-11.log")); // a service's, which never writes there
        assertEquals(1, OperatorMonths.compressPast(dir, Instant.parse("2026-12-05T00:00:00Z")));
        assertEquals(List.of(), names());
        assertEquals(0, OperatorMonths.compressPast(dir.resolve("none"), Instant.parse("2026-12-05T00:00:00Z")));
    }
}
