package org.parley.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.junit.jupiter.api.Assertions.*;

/**
 * PARLEY_LOG_FORMAT=json (logFormat): the service starts, and writes its log and its request log one JSON object a
 * line, for a log shipper, with no comment text and no key in either, as the text lines have none.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class JsonLogsTest {
    private static final Path APP_LOG = Path.of("target/json-logs-test-app.log");
    private static final Path REQUEST_LOG = Path.of("target/json-logs-test-requests.log");
    private static final Path SHIPPED = Path.of(ResourceHelpers.resourceFilePath("test-config.yml"))
            .getParent().resolve("../../../models/toxicity.zip").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        try { // a run's lines only
            Files.deleteIfExists(APP_LOG);
            Files.deleteIfExists(REQUEST_LOG);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final DropwizardAppExtension<ParleyConfiguration> APP = new DropwizardAppExtension<>(ParleyApplication.class,
            ResourceHelpers.resourceFilePath("test-config.yml"), config("logFormat", "json"),
            config("model", SHIPPED.toString()), config("stanceModel", SHIPPED.resolveSibling("stance.zip").toString()),
            config("database.url", "jdbc:h2:mem:json-logs-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH"),
            config("server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG.toString()),
            config("logging.appenders[0].type", "file"), config("logging.appenders[0].currentLogFilename", APP_LOG.toString()),
            config("logging.appenders[0].archive", "false"), config("logging.appenders[0].threshold", "INFO"));

    @Test
    void bothLogsAreJsonLinesWithNeitherCommentTextNorKey() throws Exception {
        String marker = "zebra" + System.nanoTime();
        String key = TestKeys.WEBSITE;
        var answer = APP.client().target("http://localhost:" + APP.getLocalPort() + "/v1/score").queryParam("key", key)
                .request().header("X-Request-Id", "lb-" + marker.hashCode())
                .post(Entity.entity("{\"comment\": {\"text\": \"you idiot " + marker + "\"}}", MediaType.APPLICATION_JSON));
        assertEquals(200, answer.getStatus());
        var stored = APP.client().target("http://localhost:" + APP.getLocalPort() + "/v1/comments").request()
                .header("Authorization", "Bearer " + key)
                .post(Entity.entity("{\"id\": \"" + marker + "\", \"articleId\": \"a\", \"text\": \"" + marker + "\"}", MediaType.APPLICATION_JSON));
        assertEquals(201, stored.getStatus(), stored.readEntity(String.class));

        List<JsonNode> requests = lines(REQUEST_LOG, 2);
        JsonNode scored = requests.stream().filter(r -> r.path("uri").asText().equals("/v1/score")).findFirst().orElseThrow();
        assertEquals("POST", scored.path("method").asText());
        assertEquals(200, scored.path("status").asInt());
        assertTrue(scored.has("requestTime"), "milliseconds, as the text line's %D: " + scored);
        assertEquals("lb-" + marker.hashCode(), scored.at("/responseHeaders/X-Request-Id").asText(), "the answer's id: " + scored);
        List<JsonNode> app = lines(APP_LOG, 1);
        assertTrue(app.stream().anyMatch(l -> l.path("message").asText().startsWith("Started Server")), app.toString());

        for (Path log : List.of(APP_LOG, REQUEST_LOG)) {
            String text = Files.readString(log);
            assertFalse(text.contains(marker), log + " holds the comment's text or id");
            assertFalse(text.contains(key), log + " holds the key");
        }
    }

    /**
     * tomcat-jdbc's warning that a broken connection given back will be closed, as the pool writes it (through juli to
     * java.util.logging): one JSON line, its root cause in the message and no exception field, from the filter the
     * service installs at its start; another warning of that logger keeps its exception.
     */
    @Test
    void thePoolsBrokenConnectionWarningIsOneLineAndItsOtherWarningsKeepTheirStackTrace() throws Exception {
        var pool = java.util.logging.Logger.getLogger("org.apache.tomcat.jdbc.pool.PooledConnection");
        pool.log(java.util.logging.Level.WARNING, "Unable to clear Warnings, connection will be closed.",
                new java.sql.SQLException("This connection has been closed.", "08003", new java.net.SocketException("Connection reset")));
        String gone = "gone " + System.nanoTime();
        pool.log(java.util.logging.Level.SEVERE, "SQL Validation error", new java.sql.SQLException(gone)); // with logValidationErrors

        JsonNode warning = line(l -> l.path("message").asText().startsWith("Unable to clear Warnings"));
        assertEquals("Unable to clear Warnings, connection will be closed. (java.net.SocketException: Connection reset)",
                warning.path("message").asText(), warning.toString());
        assertFalse(warning.has("exception"), "no stack trace: " + warning);
        JsonNode validation = line(l -> l.path("exception").asText().contains("java.sql.SQLException: " + gone));
        assertEquals("SQL Validation error", validation.path("message").asText(), validation.toString());
        assertTrue(validation.path("exception").asText().contains("\tat "), "its stack trace: " + validation);
    }

    /** The first line of the application log that {@code wanted} accepts, waiting for it (the log is written behind). */
    private static JsonNode line(java.util.function.Predicate<JsonNode> wanted) throws Exception {
        for (int tries = 0; ; tries++) {
            var found = lines(APP_LOG, 0).stream().filter(wanted).findFirst();
            if (found.isPresent()) return found.get();
            if (tries == 100) throw new AssertionError("no such line in " + APP_LOG + ": " + Files.readString(APP_LOG));
            Thread.sleep(100);
        }
    }

    /** Every line of the file parses as a JSON object; waits for at least {@code least} (the request log is written behind). */
    private static List<JsonNode> lines(Path file, int least) throws Exception {
        for (int tries = 0; ; tries++) {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.exists(file) ? Files.readAllLines(file) : List.<String>of())
                if (!line.isBlank()) {
                    JsonNode node = JSON.readTree(line);
                    assertTrue(node.isObject(), file + ": " + line);
                    lines.add(node);
                }
            if (lines.size() >= least || tries == 100) return lines;
            Thread.sleep(100);
        }
    }
}
