package org.parley.service.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.servlets.tasks.Task;
import org.parley.model.BundleException;
import org.parley.service.api.ErrorBody;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.core.BundleHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /tasks/NAME[?path=BUNDLE]} on the admin port: loads the bundle (default: the
 * configured one, e.g. after {@code cp runs/toxicity.zip models/}) and swaps it in without
 * dropping requests. Registered as a Dropwizard task, so that {@code GET /tasks} and the start-up
 * log list it, as {@code reload-model} (toxicity) and {@code reload-stance-model}; answered over
 * HTTP by its {@link ReloadServlet}, mapped to the task's exact path, which wins over the task
 * servlet's {@code /tasks/*}: the task servlet answers every failure with a 500 and a stack trace
 * in plain text, where a bundle that fails to load is the client's 400 naming the {@code path}.
 */
public final class ReloadTask<T> extends Task {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadTask.class);

    /** What a successful reload answers: the bundle now serving and the one it replaced. */
    public record Reloaded(String reloaded, ModelInfo model, ModelInfo was) {}

    /** An HTTP status and the JSON body that goes with it ({@link Reloaded} or {@link ErrorBody}). */
    public record Answer(int status, Object body) {}

    private final BundleHolder<T> holder;
    private final Path configured;
    private final Function<T, ModelInfo> info;
    private final ObjectMapper json;

    public ReloadTask(String name, BundleHolder<T> holder, Path configured, Function<T, ModelInfo> info, ObjectMapper json) {
        super(name, "application/json");
        this.holder = holder;
        this.configured = configured;
        this.info = info;
        this.json = json;
    }

    /**
     * Loads {@code asked} (null or blank: the configured bundle) and swaps it in; a bundle that fails
     * to load leaves the old one serving and is a 400 naming {@code path}.
     */
    public Answer reload(String asked) {
        Path bundle;
        try {
            bundle = asked == null || asked.isBlank() ? configured : Path.of(asked);
        } catch (InvalidPathException e) {
            return new Answer(400, new ErrorBody(400, "not a file path: " + e.getReason(), "path", null));
        }
        try {
            BundleHolder.Swap<T> swap = holder.reload(bundle);
            ModelInfo after = info.apply(swap.now()), was = info.apply(swap.was());
            LOG.info("reloaded {}: {} {} ({}), was {}", bundle, after.name(), after.version(), after.checksum(), was.checksum());
            return new Answer(200, new Reloaded(bundle.toString(), after, was));
        } catch (BundleException e) {
            String serving = serving();
            LOG.warn("reload refused, still serving {}: {}", serving, e.getMessage());
            return new Answer(400, new ErrorBody(400, e.getMessage() + "; still serving " + serving, "path", null));
        } catch (RuntimeException e) {
            String serving = serving();
            LOG.error("reload of {} failed, still serving {}", bundle, serving, e);
            return new Answer(500, new ErrorBody(500, "reload failed (" + e.getClass().getSimpleName()
                    + "; see the log); still serving " + serving, null, null));
        }
    }

    /** The checksum served once a reload failed: read then, not before, since another reload may have swapped one in meanwhile. */
    private String serving() {
        return info.apply(holder.current()).checksum();
    }

    /**
     * The task servlet's way in, which {@link ReloadServlet} takes over on HTTP: the same reload, but
     * a refusal is thrown, which the task servlet can only answer as a 500.
     */
    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) throws JsonProcessingException {
        List<String> path = parameters.get("path");
        Answer answer = reload(path == null || path.isEmpty() ? null : path.get(0));
        if (answer.body() instanceof ErrorBody error) throw new IllegalArgumentException(error.message());
        output.print(json.writeValueAsString(answer.body()));
    }
}
