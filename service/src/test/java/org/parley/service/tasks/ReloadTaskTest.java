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
        if (p.toString().endsWith("bug.zip")) throw new IllegalStateException("a bug");
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

    /** A path the file system cannot name, and a failure that is no bundle's: the old one keeps serving either way. */
    @Test
    void aPathThatIsNoPathIsA400AndAFailureOfAnotherKindA500() {
        ReloadTask.Answer noPath = task.reload("models/v\0");
        assertEquals(400, noPath.status());
        ErrorBody error = (ErrorBody) noPath.body();
        assertEquals("path", error.field());
        assertTrue(error.message().startsWith("not a file path: "), error.message());

        ReloadTask.Answer bug = task.reload("models/bug.zip");
        assertEquals(500, bug.status());
        ErrorBody failed = (ErrorBody) bug.body();
        assertNull(failed.field());
        assertEquals("reload failed (IllegalStateException; see the log); still serving checksum-v1", failed.message());
        assertEquals("v1", models.current().info().version());
    }

    /** The admin port's route: the answer's status and JSON as the task gives them. */
    @Test
    void theServletWritesTheAnswersStatusAndJson() throws Exception {
        jakarta.servlet.http.HttpServletRequest request = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletRequest.class);
        org.mockito.Mockito.when(request.getParameter("path")).thenReturn("models/v4");
        org.parley.service.WrittenBody written = new org.parley.service.WrittenBody();
        new ReloadServlet<>(task, Fakes.mapper()).doPost(request, written.response);
        org.mockito.Mockito.verify(written.response).setStatus(200);
        org.mockito.Mockito.verify(written.response).setContentType("application/json");
        org.mockito.Mockito.verify(written.response).setCharacterEncoding("UTF-8");
        JsonNode said = Fakes.mapper().readTree(written.bytes.toByteArray());
        assertEquals("v4", said.at("/model/version").asText(), said.toString());

        org.mockito.Mockito.when(request.getParameter("path")).thenReturn("/tmp/broken.zip");
        org.parley.service.WrittenBody refused = new org.parley.service.WrittenBody();
        new ReloadServlet<>(task, Fakes.mapper()).doPost(request, refused.response);
        org.mockito.Mockito.verify(refused.response).setStatus(400);
        assertEquals("path", Fakes.mapper().readTree(refused.bytes.toByteArray()).get("field").asText());
    }
}
