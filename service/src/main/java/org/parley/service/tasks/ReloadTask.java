package org.parley.service.tasks;

import io.dropwizard.servlets.tasks.Task;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.core.BundleHolder;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /tasks/NAME[?path=BUNDLE]} on the admin port: loads the bundle (default: the
 * configured one, e.g. after {@code cp runs/toxicity.zip models/}) and swaps it in without
 * dropping requests. A bundle that fails to load leaves the old one serving. Registered as
 * {@code reload-model} (toxicity) and {@code reload-stance-model}.
 */
public final class ReloadTask<T> extends Task {
    private final BundleHolder<T> holder;
    private final Path configured;
    private final Function<T, ModelInfo> info;

    public ReloadTask(String name, BundleHolder<T> holder, Path configured, Function<T, ModelInfo> info) {
        super(name);
        this.holder = holder;
        this.configured = configured;
        this.info = info;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> path = parameters.getOrDefault("path", List.of());
        Path bundle = path.isEmpty() ? configured : Path.of(path.get(0));
        ModelInfo before = info.apply(holder.current());
        ModelInfo after = info.apply(holder.reload(bundle));
        output.printf("reloaded %s: %s %s (%s), was %s %s (%s)%n", bundle,
                after.name(), after.version(), after.checksum(), before.name(), before.version(), before.checksum());
    }
}
