package org.parley.service.health;

import com.codahale.metrics.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.erasurelog.ErasureLogRoom;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The erasure log's room as a health check: unhealthy exactly where ErasureLogRoom refuses a site's erasure, naming the
 * directory and its free bytes (its seam for the bytes free: no test fills a disk).
 */
class ErasureLogHealthCheckTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryTheRoomWouldRefuseIsUnhealthyNamingItAndItsFreeBytes() {
        HealthCheck.Result r = new ErasureLogHealthCheck(() -> List.of(dir), d -> 4096).execute();
        assertFalse(r.isHealthy(), r.getMessage());
        assertEquals("the erasure log " + dir + " is full (4096 bytes free, under 1048576): a site's DELETE /v1/comments/{id}"
                + " is refused (503) until it has room", r.getMessage());

        HealthCheck.Result gone = new ErasureLogHealthCheck(() -> List.of(dir.resolve("gone")), ErasureLogRoom::usable).execute();
        assertFalse(gone.isHealthy(), gone.getMessage());
        assertTrue(gone.getMessage().startsWith("the erasure log " + dir.resolve("gone") + " cannot be reached"), gone.getMessage());
    }

    @Test
    void aDirectoryWithRoomIsHealthyWithItsFreeBytes() {
        HealthCheck.Result r = new ErasureLogHealthCheck(() -> List.of(dir), d -> ErasureLogRoom.MIN_FREE).execute();
        assertTrue(r.isHealthy(), r.getMessage());
        assertEquals("the erasure log " + dir + ": 1048576 bytes free (erasures are refused under 1048576)", r.getMessage());
    }

    /** Two directories (sites.log's and an archive's elsewhere): the one that lacks room decides, and is the one named. */
    @Test
    void oneDirectoryWithoutRoomAmongSeveralMakesItUnhealthy() {
        Path other = dir.resolve("archives");
        assertTrue(other.toFile().mkdir());
        Map<Path, Long> free = Map.of(dir, 50L << 20, other, 1000L);
        HealthCheck.Result r = new ErasureLogHealthCheck(() -> List.of(dir, other), free::get).execute();
        assertFalse(r.isHealthy(), r.getMessage());
        assertTrue(r.getMessage().startsWith("the erasure log " + other + " is full (1000 bytes free"), r.getMessage());

        HealthCheck.Result both = new ErasureLogHealthCheck(() -> List.of(dir, other), d -> 50L << 20).execute();
        assertTrue(both.isHealthy(), both.getMessage());
        assertEquals("the erasure log " + dir + ": 52428800 bytes free; the erasure log " + other + ": 52428800 bytes free"
                + " (erasures are refused under 1048576)", both.getMessage());
    }

    @Test
    void noErasureLogIsHealthy() {
        HealthCheck.Result r = new ErasureLogHealthCheck(List::of, d -> 0).execute();
        assertTrue(r.isHealthy(), r.getMessage());
        assertTrue(r.getMessage().startsWith("no erasure log"), r.getMessage());
    }
}
