package org.parley.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.DropwizardTestSupport;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.service.health.StrayRowCheck;
import org.parley.service.moderation.ErasureLogLine;
import org.parley.service.resources.CommentsResource;
import org.parley.service.store.Database;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.junit.jupiter.api.Assertions.*;

/**
 * What the service's start leaves for after it, and what its logging level cannot silence: one start, on H2 at
 * {@code logging.level: WARN}, with the stray-row check made slow through ParleyApplication's seam.
 */
class StartUpTest {
    private static final String DB = "jdbc:h2:mem:start-up-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    /** The check waits for this before it reads the store; released once the service runs. */
    private static final CountDownLatch release = new CountDownLatch(1), checked = new CountDownLatch(1);
    /** Not final: let go once stopped, since a stopped DropwizardTestSupport still holds its environment, models and all. */
    /** config.yml's erasure log, and a main log file beside test-config.yml's console. */
    private static final Path LOGS = logs(), ERASURES = LOGS.resolve("erasures"), MAIN = LOGS.resolve("parley.log");
    private static DropwizardTestSupport<ParleyConfiguration> APP = new DropwizardTestSupport<>(ParleyApplication.class,
            withErasureLog(), config("model", ShippedService.MODEL.toString()),
            config("stanceModel", ShippedService.STANCE_MODEL.toString()), config("database.url", DB), config("logging.level", "WARN")) {
        @Override
        public Application<ParleyConfiguration> newApplication() {
            return new ParleyApplication(slowCheck());
        }
    };

    private static Path logs() {
        try {
            return Files.createTempDirectory("start-up-test");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * test-config.yml with the shipped config.yml's erasure log in {@link #ERASURES}, the site's logger's level there put
     * at WARN (as an operator may: it is kept at INFO all the same), and a main log file, {@link #MAIN}, for every line.
     */
    private static String withErasureLog() {
        try {
            ObjectNode config = (ObjectNode) ErasureLogs.YAML.readTree(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")).toFile());
            ErasureLogs.withErasureLog(config, ERASURES);
            ((ObjectNode) config.at("/logging/loggers/" + ErasureLogLine.LOGGER)).put("level", "WARN");
            ((ArrayNode) config.at("/logging/appenders")).addObject().put("type", "file").put("currentLogFilename", MAIN.toString())
                    .put("archive", false);
            return Files.writeString(LOGS.resolve("config.yml"), ErasureLogs.YAML.writeValueAsString(config)).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Database.strayRows once released: a start that waited for it would wait here, and find it done when it ran. The
     * wait is bounded only so that such a start ends, and fails below, rather than hang.
     */
    private static StrayRowCheck.Count slowCheck() {
        return (jdbi, running) -> {
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                return Database.strayRows(jdbi, running);
            } finally {
                checked.countDown();
            }
        };
    }

    /** A month's roll of sites.log that a kill -9 cut off: the month whole in the .tmp, its archive cut short. */
    private static final String INTERRUPTED = "sites-2026-01.log-8123.tmp", CUT = "sites-2026-01.log.gz";
    private static final byte[] ROLLED_MONTH = rolledMonth();

    private static byte[] rolledMonth() {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(11); // ids that compress poorly: the cut falls well inside the text
        for (int i = 0; i < 2000; i++)
            text.append("INFO  [2026-01-04 10:00:00,000] ").append(ErasureLogLine.LOGGER).append(": ")
                    .append(new ErasureLogLine("news.example", "c-" + Long.toHexString(random.nextLong())).message("key:1a2b")).append('\n');
        return text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(ERASURES);
        Files.write(ERASURES.resolve(INTERRUPTED), ROLLED_MONTH);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(ROLLED_MONTH);
        }
        Files.write(ERASURES.resolve(CUT), java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2));
        Files.writeString(ERASURES.resolve("operator-2026-10.log"), "a script's line\n");
        APP.before();
    }

    @AfterAll
    static void stop() {
        release.countDown();
        try {
            APP.after();
        } finally {
            APP = null; // the suite's JVM boots other apps after this one (CI's ran out of its 2 GB heap in the next)
        }
    }

    /**
     * The forty-third session's operator work: on H2 the start read every decision and report for rows no copy of one
     * moment holds, 15.4 s of it at 120,000 decisions, before the service ran. It now runs after, and its line is logged
     * when it ends.
     */
    @Test
    void theServiceRunsBeforeTheStrayRowCheckEndsAndItsLineIsLoggedWhenItDoes() throws Exception {
        assertEquals(1, checked.getCount(), "the check had ended before the service ran: the start waited for it");
        assertEquals(200, get("/healthcheck").statusCode(), "the service serves meanwhile");

        Jdbi store = Jdbi.create(DB, "sa", "");
        store.useHandle(h -> { // a report of a comment the store lacks, as a copy of several moments leaves it
            h.execute("SET REFERENTIAL_INTEGRITY FALSE");
            h.execute("INSERT INTO reports (comment_id, reason, reported_at) VALUES ('news.example:lost', 'rude', CURRENT_TIMESTAMP)");
            h.execute("SET REFERENTIAL_INTEGRITY TRUE");
        });
        try (LogLines log = LogLines.of(StrayRowCheck.class.getName(), Level.INFO)) {
            release.countDown();
            ILoggingEvent line = log.next(Duration.ofMinutes(1));
            assertNotNull(line, "no line from the check");
            assertEquals(Level.ERROR, line.getLevel());
            assertTrue(line.getFormattedMessage().startsWith("the store holds 1 decisions or reports of comments it lacks"),
                    line.getFormattedMessage());
        }
        assertEquals(0, checked.getCount());
    }

    /**
     * A second service instance given this one's erasure log would roll its sites.log beside it, and lines are lost: the
     * running service holds an OS lock on it (erasurelog.ErasureLogLock, whose refusal ErasureLogLockTest reads), which
     * nothing held until the forty-fifth session.
     */
    @Test
    void theRunningServiceHoldsItsErasureLogSoThatASecondInstanceOnItIsRefused() throws Exception {
        try (java.nio.channels.FileChannel lock = java.nio.channels.FileChannel.open(ERASURES.resolve(".sites.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
            assertThrows(java.nio.channels.OverlappingFileLockException.class, lock::tryLock, "held by this JVM's service");
        }
    }

    /**
     * A month's roll that a kill -9 cut off is finished by the next start, under its lock (erasurelog.InterruptedRolls,
     * whose other branch InterruptedRollsTest reads): until the forty-sixth session the .tmp and the cut .gz stayed.
     */
    @Test
    void theStartFinishesAMonthsRollThatAStopCutOff() throws Exception {
        assertFalse(Files.exists(ERASURES.resolve(INTERRUPTED)), "the .tmp is gone");
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(ERASURES.resolve(CUT)))) {
            assertArrayEquals(ROLLED_MONTH, in.readAllBytes(), "the archive holds the month whole");
        }
    }

    /**
     * The operator's past months are compressed at the start, as before, and then daily while the service runs
     * (erasurelog.PastMonthsCompressor, a managed object, whose schedule PastMonthsCompressorTest runs on a moved clock):
     * until the forty-sixth session only a start compressed them.
     */
    @Test
    void theServiceCompressesTheOperatorsPastMonthsAtItsStartAndForAsLongAsItRuns() {
        assertFalse(Files.exists(ERASURES.resolve("operator-2026-10.log")));
        assertTrue(Files.exists(ERASURES.resolve("operator-2026-10.log.gz")));
        List<Object> managed = APP.getEnvironment().lifecycle().getManagedObjects().stream()
                .map(l -> l instanceof io.dropwizard.lifecycle.JettyManaged j ? (Object) j.getManaged() : l).toList();
        assertTrue(managed.stream().anyMatch(org.parley.service.erasurelog.PastMonthsCompressor.class::isInstance),
                managed.stream().map(m -> m.getClass().getName()).toList().toString());
    }

    /**
     * An operator learns that the erasure log is running out of room from /healthcheck and the scrape, before the sites'
     * 503s (forty-eighth session; the verdicts on a full one: ErasureLogHealthCheckTest, ErasureLogRoomGaugeTest); the
     * load balancer's /healthcheck/scoring leaves it out, as scoring writes no erasure line.
     */
    @Test
    void theErasureLogsRoomIsAHealthCheckAndAGaugeButNoScoringCheck() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        HttpResponse<String> health = get("/healthcheck");
        com.fasterxml.jackson.databind.JsonNode check = json.readTree(health.body()).path("erasure-log");
        assertTrue(check.path("healthy").asBoolean(), health.body());
        java.util.regex.Matcher free = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("the erasure log " + ERASURES + ": ")
                + "(\\d+) bytes free \\(erasures are refused under 1048576\\)").matcher(check.path("message").asText());
        assertTrue(free.matches(), check.toString());
        assertTrue(Long.parseLong(free.group(1)) >= org.parley.service.erasurelog.ErasureLogRoom.MIN_FREE, check.toString());

        HttpResponse<String> scoring = get("/healthcheck/scoring");
        assertEquals(200, scoring.statusCode(), scoring.body());
        assertFalse(json.readTree(scoring.body()).has("erasure-log"), scoring.body());

        String scrape = get("/metrics/prometheus").body();
        String rules = Files.readString(Path.of("../docs/prometheus/parley-alerts.yml"));
        for (String metric : ErasureLogs.METRICS) {
            List<String> samples = scrape.lines().filter(l -> l.startsWith(metric + " ") || l.startsWith(metric + "{")).toList();
            assertEquals(1, samples.size(), metric + ": " + samples);
            assertTrue(Double.parseDouble(samples.get(0).substring(metric.length() + 1)) >= org.parley.service.erasurelog.ErasureLogRoom.MIN_FREE,
                    samples.get(0));
            assertTrue(rules.contains(metric), "an alert reads " + metric);
        }
    }

    /**
     * The erasure lines are what an operator re-applies after a restore: {@code logging.level: WARN} wrote none until the
     * forty-third session's follow-up. Their loggers are kept at INFO. And since the forty-fourth session they go to
     * config.yml's erasure log, which holds them alone (no other line of the service's), as well as to the main log.
     */
    @Test
    void aSitesErasureIsLoggedAtALoggingLevelAboveInfo() throws Exception {
        String id = "erased-at-warn-" + System.nanoTime();
        HttpResponse<String> stored = send(HttpRequest.newBuilder(app("/v1/comments"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"" + id + "\", \"articleId\": \"a\", \"text\": \"Fine words.\"}"))
                .header("Content-Type", "application/json"));
        assertEquals(201, stored.statusCode(), stored.body());
        try (LogLines log = LogLines.asConfigured(CommentsResource.class.getName())) {
            assertEquals(200, send(HttpRequest.newBuilder(app("/v1/comments/" + id)).DELETE()).statusCode());
            List<String> lines = log.list().stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, lines.size(), lines.toString());
            assertEquals(id, ErasureLogLine.read("INFO  [2026-12-04 10:00:00,000] " + ErasureLogLine.LOGGER + ": " + lines.get(0))
                    .orElseThrow().id(), lines.get(0));
        }
        assertFalse(((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(CommentsResource.class.getPackageName())).isInfoEnabled(),
                "the rest of the logging stays at WARN");

        // The erasure log's sites.log: what scripts/erase --from-log re-applies from it is this erasure, and nothing else.
        Path sites = ERASURES.resolve("sites.log");
        for (int i = 0; i < 600 && Files.size(sites) == 0; i++) Thread.sleep(100); // written from the appender's queue
        List<String> lines = Files.readAllLines(sites);
        assertEquals(List.of(id), lines.stream().map(l -> ErasureLogLine.read(l).orElseThrow(() -> new AssertionError("not an erasure line: " + l)).id())
                .toList(), lines.toString());
        String main = Files.readString(MAIN);
        // Written from its own appender's queue too, which may lag the erasure log's on a loaded machine.
        for (int i = 0; i < 600 && main.lines().map(ErasureLogLine::read).noneMatch(java.util.Optional::isPresent); i++) {
            Thread.sleep(100);
            main = Files.readString(MAIN);
        }
        assertEquals(List.of(ErasureLogLine.read(lines.get(0)).orElseThrow()),
                main.lines().map(ErasureLogLine::read).flatMap(java.util.Optional::stream).toList(), "the main log has it too: " + main);
        assertTrue(main.lines().anyMatch(l -> l.contains("is kept at INFO")), "and the warning that the level was raised: " + main);
        assertFalse(Files.readString(sites).contains("is kept at INFO"), "which is no erasure");
    }

    private static URI app(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }

    private static HttpResponse<String> get(String adminPath) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getAdminPort() + adminPath)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + TestKeys.WEBSITE).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
