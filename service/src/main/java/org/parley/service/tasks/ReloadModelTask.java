package org.parley.service.tasks;

import io.dropwizard.servlets.tasks.Task;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ServedModel;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/reload-model[?path=BUNDLE]} on the admin port: loads the bundle (default: the
 * configured one, e.g. after {@code cp runs/toxicity.zip models/}) and swaps it in without
 * dropping requests. A bundle that fails to load leaves the old model serving.
 */
public final class ReloadModelTask extends Task {
    private final ModelHolder models;
    private final Path configured;

    public ReloadModelTask(ModelHolder models, Path configured) {
        super("reload-model");
        this.models = models;
        this.configured = configured;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        List<String> path = parameters.getOrDefault("path", List.of());
        Path bundle = path.isEmpty() ? configured : Path.of(path.get(0));
        ServedModel before = models.current();
        ServedModel after = models.reload(bundle);
        output.printf("reloaded %s: %s %s (%s), was %s %s (%s)%n", bundle,
                after.info().name(), after.info().version(), after.info().checksum(),
                before.info().name(), before.info().version(), before.info().checksum());
    }
}
