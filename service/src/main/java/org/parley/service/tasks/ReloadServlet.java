package org.parley.service.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.model.BundleException;
import org.parley.service.api.ErrorBody;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.core.BundleHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * {@code POST /tasks/NAME[?path=BUNDLE]} on the admin port: loads the bundle (default: the
 * configured one, e.g. after {@code cp runs/toxicity.zip models/}) and swaps it in without
 * dropping requests. A bundle that fails to load leaves the old one serving and is a 400 naming
 * the {@code path} and what is wrong with it. A servlet, not a Dropwizard {@code Task}: the task
 * servlet answers every failure with a 500 and a stack trace in plain text. Registered as
 * {@code reload-model} (toxicity) and {@code reload-stance-model}.
 */
public final class ReloadServlet<T> extends HttpServlet {
    private static final Logger LOG = LoggerFactory.getLogger(ReloadServlet.class);

    /** What a successful reload answers: the bundle now serving and the one it replaced. */
    public record Reloaded(String reloaded, ModelInfo model, ModelInfo was) {}

    private final transient BundleHolder<T> holder;
    private final transient Path configured;
    private final transient Function<T, ModelInfo> info;
    private final transient ObjectMapper json;

    public ReloadServlet(BundleHolder<T> holder, Path configured, Function<T, ModelInfo> info, ObjectMapper json) {
        this.holder = holder;
        this.configured = configured;
        this.info = info;
        this.json = json;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String asked = request.getParameter("path");
        Path bundle;
        try {
            bundle = asked == null || asked.isBlank() ? configured : Path.of(asked);
        } catch (InvalidPathException e) {
            answer(response, 400, new ErrorBody(400, "not a file path: " + e.getReason(), "path", null));
            return;
        }
        ModelInfo before = info.apply(holder.current());  // for the refusals; a success names what it replaced
        try {
            BundleHolder.Swap<T> swap = holder.reload(bundle);
            ModelInfo after = info.apply(swap.now()), was = info.apply(swap.was());
            LOG.info("reloaded {}: {} {} ({}), was {}", bundle, after.name(), after.version(), after.checksum(), was.checksum());
            answer(response, 200, new Reloaded(bundle.toString(), after, was));
        } catch (BundleException e) {
            LOG.warn("reload refused, still serving {}: {}", before.checksum(), e.getMessage());
            answer(response, 400, new ErrorBody(400, e.getMessage() + "; still serving " + before.checksum(), "path", null));
        } catch (RuntimeException e) {
            LOG.error("reload of {} failed, still serving {}", bundle, before.checksum(), e);
            answer(response, 500, new ErrorBody(500, "reload failed (" + e.getClass().getSimpleName()
                    + "; see the log); still serving " + before.checksum(), null, null));
        }
    }

    private void answer(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
