package org.parley.service.tasks;

import io.dropwizard.servlets.tasks.Task;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.core.StanceHolder;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/reload-stance-model[?path=BUNDLE]} on the admin port: as reload-model, for the
 * stance bundle (default: the configured one). A bundle that fails to load leaves the old one serving.
 */
public final class ReloadStanceModelTask extends Task {
    private final StanceHolder stance;
    private final Path configured;

    public ReloadStanceModelTask(StanceHolder stance, Path configured) {
        super("reload-stance-model");
        this.stance = stance;
        this.configured = configured;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> path = parameters.getOrDefault("path", List.of());
        Path bundle = path.isEmpty() ? configured : Path.of(path.get(0));
        ModelInfo before = stance.current().info();
        ModelInfo after = stance.reload(bundle).info();
        output.printf("reloaded %s: %s %s (%s), was %s %s (%s)%n", bundle,
                after.name(), after.version(), after.checksum(), before.name(), before.version(), before.checksum());
    }
}
