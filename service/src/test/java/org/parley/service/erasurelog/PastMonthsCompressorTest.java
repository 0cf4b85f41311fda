package org.parley.service.erasurelog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

/**
 * The running service compresses the operator's past months at its start and then once a day, by its clock, and the
 * schedule ends with it. Until the forty-sixth session only a start did, so a service that ran on across a month's end
 * left that month plain until the next start or script.
 */
class PastMonthsCompressorTest {
    @TempDir Path dir;

    /** The service's clock, moved by the test. */
    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aServiceThatRunsOnCompressesTheMonthOnceItIsDueAndStopsItsScheduleWithItsStop() throws Exception {
        Path november = Files.writeString(dir.resolve("operator-2026-11.log"), "november\n"),
                october = Files.writeString(dir.resolve("operator-2026-10.log"), "october\n");
        ScheduledExecutorService executor = mock(ScheduledExecutorService.class);
        when(executor.awaitTermination(anyLong(), any())).thenReturn(true);
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z")); // November ended hours ago
        PastMonthsCompressor compressor = new PastMonthsCompressor(List.of(dir), clock, () -> executor);

        compressor.start();
        assertFalse(Files.exists(october), "due at the start: compressed");
        assertTrue(Files.exists(dir.resolve("operator-2026-10.log.gz")));
        assertTrue(Files.exists(november), "not due yet: a process may still be writing its last line");
        ArgumentCaptor<Runnable> daily = ArgumentCaptor.forClass(Runnable.class);
        verify(executor).scheduleWithFixedDelay(daily.capture(), eq(24L * 60), eq(24L * 60), eq(TimeUnit.MINUTES));

        clock.now = Instant.parse("2026-12-02T12:00:00Z"); // the next day's run
        daily.getValue().run();
        assertFalse(Files.exists(november));
        assertTrue(Files.exists(dir.resolve("operator-2026-11.log.gz")));

        compressor.stop();
        verify(executor).shutdown();
        verify(executor).awaitTermination(anyLong(), any());
    }

    /** A start that fails before the managed objects start leaves no schedule; a stop without a start is no fault. */
    @Test
    void aStopWithoutAStartIsNoFault() throws Exception {
        new PastMonthsCompressor(List.of(dir), Clock.systemUTC(), () -> {
            throw new AssertionError("no executor before the start");
        }).stop();
    }
}
