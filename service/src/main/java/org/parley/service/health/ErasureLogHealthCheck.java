package org.parley.service.health;

import com.codahale.metrics.health.HealthCheck;
import org.parley.service.erasurelog.ErasureLogDirs;
import org.parley.service.erasurelog.ErasureLogRoom;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * Unhealthy while a site's erasure would be refused for want of room in the erasure log ({@link ErasureLogRoom}: under
 * 1 MiB free, unreachable or read-only), naming the directory and its free bytes, so that an operator learns of it from
 * the checks rather than from the sites' 503s; healthy with each directory's free bytes. Under {@code /healthcheck}
 * only: scoring writes no erasure line, so {@code /healthcheck/scoring} leaves it out.
 */
public final class ErasureLogHealthCheck extends HealthCheck {
    private final Supplier<List<Path>> dirs;
    private final ToLongFunction<Path> usable;

    /** The directories of {@code logger}'s own file appenders as the running logging built them. */
    public ErasureLogHealthCheck(String logger) {
        this(() -> ErasureLogDirs.of(logger), ErasureLogRoom::usable);
    }

    ErasureLogHealthCheck(Supplier<List<Path>> dirs, ToLongFunction<Path> usable) {
        this.dirs = dirs;
        this.usable = usable;
    }

    @Override
    protected Result check() {
        // One reading of each directory, so that the verdict and the figures given agree.
        Map<Path, Long> free = new LinkedHashMap<>();
        for (Path dir : dirs.get()) free.put(dir, usable.applyAsLong(dir));
        if (free.isEmpty()) return Result.healthy("no erasure log (its logger has no file appender of its own): no erasure is refused for room");
        String problem = ErasureLogRoom.problem(List.copyOf(free.keySet()), free::get);
        if (problem != null)
            return Result.unhealthy("%s: a site's DELETE /v1/comments/{id} is refused (503) until it has room", problem);
        return Result.healthy("%s (erasures are refused under %d)", free.entrySet().stream()
                .map(e -> "the erasure log " + e.getKey() + ": " + e.getValue() + " bytes free").collect(Collectors.joining("; ")),
                ErasureLogRoom.MIN_FREE);
    }
}
