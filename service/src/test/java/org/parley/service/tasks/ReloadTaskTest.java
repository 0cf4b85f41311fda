package org.parley.service.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.parley.model.BundleException;
import org.parley.service.Fakes;
import org.parley.service.api.ErrorBody;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ServedModel;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The reload as a Dropwizard task: what the servlet answers over HTTP, and what the task servlet's route would do. */
class ReloadTaskTest {
    private final ModelHolder models = new ModelHolder(Fakes.served(Fakes.scorer(), "v1"), p -> {
        if (p.toString().endsWith("broken.zip")) throw new BundleException(p, "not a bundle");
        return Fakes.served(Fakes.scorer(), p.getFileName().toString());
    });
    private final ReloadTask<ServedModel> task = new ReloadTask<>("reload-model", models, Path.of("models/v2"),
            ServedModel::info, Fakes.mapper());

    @Test
    void reloadsTheConfiguredBundleOrTheOneAskedForAndRefusesABrokenOneNamingThePath() {
        assertEquals("reload-model", task.getName());
        assertEquals("application/json", task.getResponseContentType().orElseThrow());
        ReloadTask.Answer configured = task.reload(null);
        assertEquals(200, configured.status());
        ReloadTask.Reloaded r = (ReloadTask.Reloaded) configured.body();
        assertEquals("v2", r.model().version());
        assertEquals("v1", r.was().version());

        ReloadTask.Answer broken = task.reload("/tmp/broken.zip");
        assertEquals(400, broken.status());
        ErrorBody error = (ErrorBody) broken.body();
        assertEquals("path", error.field());
        assertTrue(error.message().contains("broken.zip") && error.message().endsWith("still serving checksum-v2"), error.message());
        assertEquals("v2", models.current().info().version(), "the old one keeps serving");
    }

    @Test
    void runThroughTheTaskServletItWritesTheSameJsonAndThrowsARefusal() throws Exception {
        StringWriter out = new StringWriter();
        task.execute(Map.of("path", List.of("models/v3")), new PrintWriter(out, true));
        JsonNode said = Fakes.mapper().readTree(out.toString());
        assertEquals("v3", said.at("/model/version").asText(), out.toString());
        assertEquals("models/v3", said.get("reloaded").asText());

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> task.execute(Map.of("path", List.of("/tmp/broken.zip")), new PrintWriter(new StringWriter())));
        assertTrue(refused.getMessage().contains("still serving checksum-v3"), refused.getMessage());
    }
}
