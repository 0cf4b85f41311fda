package org.parley.service.monitoring;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.parley.service.erasurelog.ErasureLogDirs;
import org.parley.service.erasurelog.ErasureLogRoom;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * {@code parley.erasure-log.usable-bytes} ({@code parley_erasure_log_usable_bytes}): the bytes the erasure log may still
 * take, the fewest of its directories', as {@link ErasureLogRoom} judges them before each erasure (-1: a directory
 * cannot be reached; 0: one cannot be written), so that an alert fires well before the 1 MiB under which a site's
 * {@code DELETE} is refused. One series however many directories. No value (absent from the scrape) with no erasure
 * log. Read at the scrape: a statfs of a local disk, which the {@code DELETE}s ask too.
 */
public final class ErasureLogRoomGauge implements Gauge<Long> {
    public static final String NAME = "parley.erasure-log.usable-bytes";

    private final Supplier<List<Path>> dirs;
    private final ToLongFunction<Path> usable;

    ErasureLogRoomGauge(Supplier<List<Path>> dirs, ToLongFunction<Path> usable) {
        this.dirs = dirs;
        this.usable = usable;
    }

    /** The gauge of {@code logger}'s erasure log, as the running logging built it. */
    public static void register(MetricRegistry metrics, String logger) {
        metrics.register(NAME, new ErasureLogRoomGauge(() -> ErasureLogDirs.of(logger), ErasureLogRoom::usable));
    }

    @Override
    public Long getValue() {
        List<Path> d = dirs.get();
        return d.isEmpty() ? null : ErasureLogRoom.least(d, usable);
    }
}
