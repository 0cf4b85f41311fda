package org.parley.service.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.moderation.ErasureLogLine;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A second soak audit (forty-third session): the service's log grew 37 MB an hour at 60 requests/s, nearly all of it
 * request lines, and scripts/erase --from-log, given a log kept as long as the oldest backup, held every line of it at
 * once. Here a log of 104 MB with five erasure lines is read by a JVM of 32 MB: it must keep only those.
 */
class ErasureListMemoryTest {
    private static final int LINES = 640_000, EVERY = 128_000;

    @TempDir Path dir;

    @Test
    void aLogLargerThanTheHeapIsReadLineByLineKeepingOnlyItsErasures() throws Exception {
        Path log = dir.resolve("parley.log");
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                if (i % EVERY == 0) w.write("INFO  [2026-12-05 02:00:00,000] " + ErasureLogLine.LOGGER + ": "
                        + new ErasureLogLine("soak.example", "c" + i).message("key:1a2b3c4d") + " request=r-" + i + "\n");
                else w.write("10.0." + i % 256 + ".7 [05/Dec/2026:02:00:00 +0000] 6985917d-5268-47bb-a5fe-7c1dd60a938b "
                        + "\"POST /v1/score HTTP/1.1\" 200 772 " + i % 97 + " " + "x".repeat(48) + "\n");
            }
        }
        assertTrue(Files.size(log) > 3 * (32L << 20), "the log is three heaps: " + Files.size(log));
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(jvm, "-Xmx32m", "-cp", System.getProperty("java.class.path"), Read.class.getName(), log.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("read.out").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the read ended");
        String out = Files.readString(dir.resolve("read.out"));
        assertEquals(0, p.exitValue(), out);
        assertEquals("[Target[site=soak.example, id=c0], Target[site=soak.example, id=c128000], Target[site=soak.example, id=c256000], "
                + "Target[site=soak.example, id=c384000], Target[site=soak.example, id=c512000]]", out.strip());
    }

    /** The log read alone, in a JVM of the heap the test gives it. */
    static final class Read {
        public static void main(String[] args) throws Exception {
            List<ErasureList.Target> targets = ErasureList.log(args[0]);
            System.out.println(targets);
        }
    }
}
