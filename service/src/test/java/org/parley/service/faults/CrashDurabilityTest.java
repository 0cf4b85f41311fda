package org.parley.service.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.db.DataSourceFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.service.store.TestDatabases;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The service process is killed with SIGKILL in the middle of a stream of submissions and
 * decisions; after a restart on the same database every acknowledged (2xx) write is there.
 * Runs the real service (shipped models) as a child JVM, on the H2 default and on PostgreSQL.
 */
class CrashDurabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String WEBSITE = "crash-website-key";
    private static final String MODERATOR = "crash-moderator-key";
    private static final Path MODELS = Path.of("..", "models").toAbsolutePath().normalize();

    @TempDir Path dir;
    private int appPort;
    private int adminPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void everyAcknowledgedWriteSurvivesKillMinus9(TestDatabases db) throws Exception {
        appPort = freePort();
        adminPort = freePort();
        Path config = config(db.fresh(dir), appPort, adminPort);
        Map<String, Boolean> submitted = new ConcurrentHashMap<>();     // acknowledged submissions
        Map<String, String> decided = new ConcurrentHashMap<>();        // acknowledged decisions: id -> status
        int port;

        Process service = start(config, "first");
        try {
            port = appPort;
            String prefix = "k" + System.nanoTime() + "-";
            AtomicBoolean running = new AtomicBoolean(true);
            BlockingQueue<String> toDecide = new LinkedBlockingQueue<>();
            Thread submitter = new Thread(() -> {
                for (int i = 0; running.get(); i++) {
                    String id = prefix + i;
                    String text = i % 2 == 0 ? "I will kill you, number " + i : "A fair point about the talks, number " + i;
                    try {
                        HttpResponse<String> r = post(port, "/v1/comments", WEBSITE,
                                "{\"id\": \"" + id + "\", \"articleId\": \"crash\", \"text\": \"" + text + "\"}");
                        if (r.statusCode() / 100 == 2) {
                            submitted.put(id, true);
                            toDecide.add(id);
                        }
                    } catch (IOException | InterruptedException e) {
                        return;  // the service is gone
                    }
                }
            });
            Thread decider = new Thread(() -> {
                while (running.get()) {
                    try {
                        String id = toDecide.poll(100, TimeUnit.MILLISECONDS);
                        if (id == null) continue;
                        boolean approve = id.hashCode() % 2 == 0;
                        HttpResponse<String> r = post(port, "/v1/comments/" + id + "/decision", MODERATOR,
                                approve ? "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}"
                                        : "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"expectedVersion\": 1}");
                        if (r.statusCode() == 200) decided.put(id, approve ? "PUBLISHED" : "REJECTED");
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            submitter.start();
            decider.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while ((submitted.size() < 60 || decided.size() < 20) && System.nanoTime() < deadline) Thread.sleep(50);
            service.destroyForcibly();  // SIGKILL: no shutdown hooks, no flushing
            assertTrue(service.waitFor(30, TimeUnit.SECONDS));
            running.set(false);
            submitter.join(10_000);
            decider.join(10_000);
        } finally {
            service.destroyForcibly();
        }
        assertTrue(submitted.size() >= 20 && decided.size() >= 5,
                "the stream ran before the kill: " + submitted.size() + " submissions, " + decided.size() + " decisions");

        Process again = start(config, "second");
        try {
            int restarted = appPort;
            for (String id : submitted.keySet()) {
                HttpResponse<String> r = get(restarted, "/v1/comments/" + id, MODERATOR);
                assertEquals(200, r.statusCode(), "acknowledged submission " + id + " lost");
            }
            for (Map.Entry<String, String> d : decided.entrySet()) {
                JsonNode c = JSON.readTree(get(restarted, "/v1/comments/" + d.getKey(), MODERATOR).body());
                assertEquals(d.getValue(), c.get("status").asText(), "acknowledged decision on " + d.getKey() + " lost");
                assertEquals("MODERATOR", c.at("/history/1/actorKind").asText());
            }
        } finally {
            again.destroyForcibly();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path config(DataSourceFactory db, int port, int adminPort) throws IOException {
        String yaml = """
                model: %s
                stanceModel: %s
                apiKeys: "%s:website,%s:moderator"
                rateLimit: {requestsPerSecond: 100000}
                database:
                  driverClass: %s
                  url: "%s"
                  user: %s
                  password: ""
                  maxWaitForConnection: 2s
                moderation: {adminPassword: crash-admin-password}
                server:
                  applicationConnectors: [{type: http, port: %d}]
                  adminConnectors: [{type: http, port: %d, bindHost: 127.0.0.1}]
                  requestLog: {appenders: []}
                logging:
                  level: WARN
                  appenders: [{type: file, currentLogFilename: %s, archive: false}]
                """.formatted(MODELS.resolve("toxicity.zip"), MODELS.resolve("stance.zip"), WEBSITE, MODERATOR,
                db.getDriverClass(), db.getUrl(), db.getUser(), port, adminPort,
                dir.resolve("service.log"));
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private Process start(Path config, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx1g", "-XX:-DontCompileHugeMethods",
                "-Dorg.bytedeco.javacpp.maxbytes=1g", "-Dorg.bytedeco.javacpp.maxphysicalbytes=3g",
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("org.bytedeco.javacpp.cachedir",
                        System.getProperty("user.home") + "/.javacpp/cache"),
                "-cp", System.getProperty("java.class.path"), "org.parley.service.ParleyApplication", "server", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".out").toFile()).start();
        int admin = adminPort;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) fail("the service exited: " + Files.readString(dir.resolve(name + ".out")));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + admin + "/healthcheck")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return p;
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        p.destroyForcibly();
        fail("the service did not become healthy in 180 s");
        return p;
    }

    private HttpResponse<String> post(int port, String path, String key, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
