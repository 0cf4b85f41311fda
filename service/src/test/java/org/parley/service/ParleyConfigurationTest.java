package org.parley.service;

import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParleyConfigurationTest {
    private final Validator validator = Validators.newValidator();

    private Set<ConstraintViolation<ParleyConfiguration>> violations(String driver, String url) {
        ParleyConfiguration c = new ParleyConfiguration();
        c.database.setDriverClass(driver);
        c.database.setUrl(url);
        return validator.validate(c);
    }

    /** The shipped config.yml's policy section, and a site's that switches the language rule off. */
    @Test
    void thePolicysLanguageRuleIsReviewUnlessConfiguredNull() throws Exception {
        var yaml = io.dropwizard.jackson.Jackson.newObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var shipped = yaml.readTree(java.nio.file.Path.of("config.yml").toFile()).get("policy");
        assertEquals(org.parley.policy.Action.REVIEW,
                yaml.treeToValue(shipped, ParleyConfiguration.PolicyConfig.class).build().otherLanguage());
        assertEquals(null, yaml.readValue("sentences: null\nbands: []", ParleyConfiguration.PolicyConfig.class).build().sentences());
        assertEquals(org.parley.policy.SentenceRule.standard(), new ParleyConfiguration.PolicyConfig().build().sentences(), "left out: the standard rule");
        assertEquals(List.of(), yaml.readValue("phrases: []\nbands: []", ParleyConfiguration.PolicyConfig.class).build().phrases());
        var banned = yaml.readValue("phrases: [{name: banned, action: REJECT, phrases: [\"Buy cheap pills\"]}]",
                ParleyConfiguration.PolicyConfig.class).build().phrases();
        assertEquals(List.of(new org.parley.policy.PhraseRule("banned", List.of("buy cheap pills"), org.parley.policy.Action.REJECT)), banned);
        var off = yaml.readValue("otherLanguage: null\nbands: []", ParleyConfiguration.PolicyConfig.class);
        assertEquals(null, off.build().otherLanguage());
        assertEquals(org.parley.policy.Action.REVIEW, new ParleyConfiguration.PolicyConfig().build().otherLanguage());
    }

    /**
     * service/config.yml's policy is Policy.standard() written out: the service reads the one, scripts/score --policy and
     * scripts/evaluate the other. A newcomer's fourth audit (sixty-ninth session) added a phrase to config.yml alone and
     * was told of two 60-phrase lists; a difference is told by what is in one alone.
     */
    @Test
    void theShippedConfigsPolicyIsTheStandardOne() throws Exception {
        var yaml = io.dropwizard.jackson.Jackson.newObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var shipped = yaml.treeToValue(yaml.readTree(java.nio.file.Path.of("config.yml").toFile()).get("policy"),
                ParleyConfiguration.PolicyConfig.class).build();
        var standard = org.parley.policy.Policy.standard();
        assertEquals(standard.bands(), shipped.bands(), "config.yml's bands and Policy.standard()'s");
        assertEquals(names(standard.phrases()), names(shipped.phrases()), "the phrase lists by name");
        for (int i = 0; i < standard.phrases().size(); i++) {
            var a = standard.phrases().get(i);
            var b = shipped.phrases().get(i);
            assertEquals(List.of(), alone(a.phrases(), b.phrases()), a.name() + ": in standard() (threat-phrases.txt) alone");
            assertEquals(List.of(), alone(b.phrases(), a.phrases()), a.name() + ": in config.yml alone");
            assertEquals(a, b, a.name() + ": its action, exceptions or order");
        }
        assertEquals(standard.sentences(), shipped.sentences(), "the same sentence rule");
        assertEquals(standard.otherwise(), shipped.otherwise(), "what no band decides");
        assertEquals(standard.otherLanguage(), shipped.otherLanguage(), "a comment in another language");
    }

    private static List<String> names(List<org.parley.policy.PhraseRule> rules) {
        return rules.stream().map(org.parley.policy.PhraseRule::name).toList();
    }

    private static List<String> alone(List<String> these, List<String> others) {
        return these.stream().filter(p -> !others.contains(p)).toList();
    }

    @Test
    void theDefaultsAndAMatchingPostgresqlDriverAreValid() {
        assertEquals(Set.of(), validator.validate(new ParleyConfiguration()));
        assertEquals(Set.of(), violations("org.postgresql.Driver", "jdbc:postgresql://127.0.0.1:5432/test"));
    }

    /** The discovery document's rootUrl (a helper's audit: it was the Host header of each request). */
    @Test
    void aPublicUrlMustBeAnAbsoluteHttpUrlAndEndsInASlash() {
        ParleyConfiguration c = new ParleyConfiguration();
        for (String unset : new String[] {"", null}) {
            c.publicUrl = unset;
            assertEquals(Set.of(), validator.validate(c));
            assertEquals(java.util.Optional.empty(), c.publicRoot());
        }
        c.publicUrl = "https://comments.example.com";
        assertEquals(java.util.Optional.of("https://comments.example.com/"), c.publicRoot());
        c.publicUrl = "http://localhost:9080/parley/";
        assertEquals(java.util.Optional.of("http://localhost:9080/parley/"), c.publicRoot());
        for (String wrong : new String[] {"comments.example.com", "/parley/", "ftp://example.com/", "https://", "https:///x",
                "https://example.com/?a=1", "https://example.com/#top", "https://user:pw@example.com/", "https://exa mple.com/"}) {
            c.publicUrl = wrong;
            Set<ConstraintViolation<ParleyConfiguration>> v = validator.validate(c);
            assertEquals(1, v.size(), wrong);
            assertTrue(v.iterator().next().getMessage().startsWith("publicUrl (PARLEY_PUBLIC_URL) must be empty or an absolute"), wrong);
        }
    }

    /** CORS origins are compared exactly with the browser's Origin header, so they are written as a browser writes it. */
    @Test
    void corsOriginsAreReadAsABrowserWritesThemAndAnythingElseStopsStartUp() {
        ParleyConfiguration c = new ParleyConfiguration();
        for (String unset : new String[] {"", null, " , "}) {
            c.corsOrigins = unset;
            assertEquals(Set.of(), validator.validate(c));
            assertEquals(List.of(), c.corsOriginList(), "no CORS");
        }
        c.corsOrigins = "https://News.Example.com, http://localhost:3000,https://news.example.com:443/,http://10.0.0.7:80";
        assertEquals(Set.of(), validator.validate(c));
        assertEquals(List.of("https://news.example.com", "http://localhost:3000", "https://news.example.com", "http://10.0.0.7"),
                c.corsOriginList());
        for (String wrong : new String[] {"*", "news.example.com", "https://*.example.com", "https://news.example.com/comments",
                "ftp://news.example.com", "https://", "https://user@news.example.com", "https://news.example.com?a=1",
                "https://news.example.com#top", "null", "https://news.example.com,https://exa mple.com"}) {
            c.corsOrigins = wrong;
            Set<ConstraintViolation<ParleyConfiguration>> v = validator.validate(c);
            assertEquals(1, v.size(), wrong);
            assertTrue(v.iterator().next().getMessage().startsWith("corsOrigins (PARLEY_CORS_ORIGINS) must be empty or origins"), wrong);
        }
    }

    /** What an operator who sets only PARLEY_DB_URL gets: a message saying what else to set, not a pool error. */
    @Test
    void aPostgresqlUrlWithTheDefaultH2DriverSaysWhichDriverToSet() {
        Set<ConstraintViolation<ParleyConfiguration>> v = violations("org.h2.Driver", "jdbc:postgresql://127.0.0.1:5432/test");
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.iterator().next().getMessage().contains("PARLEY_DB_DRIVER=org.postgresql.Driver"), v.toString());
        assertEquals(1, violations("org.nothing.Driver", "jdbc:h2:mem:x").size(), "an unknown driver class");
        assertEquals(1, violations("java.lang.String", "jdbc:h2:mem:x").size(), "a class that is no driver");
    }

    @org.junit.jupiter.api.Test
    void anH2FileUrlWithoutAWriteDelayIsMadeDurable() {
        org.junit.jupiter.api.Assertions.assertEquals("jdbc:h2:file:/tmp/db;MODE=PostgreSQL;WRITE_DELAY=0",
                ParleyConfiguration.durable("jdbc:h2:file:/tmp/db;MODE=PostgreSQL", "sa"), "acknowledged commits were lost on kill -9");
        for (String kept : new String[] {"jdbc:h2:file:/tmp/db;write_delay=100", "jdbc:h2:mem:x", "jdbc:postgresql://h/db", null})
            org.junit.jupiter.api.Assertions.assertEquals(kept, ParleyConfiguration.durable(kept, "sa"));
        org.junit.jupiter.api.Assertions.assertEquals("jdbc:h2:file:/tmp/db", ParleyConfiguration.durable("jdbc:h2:file:/tmp/db", "app"),
                "H2 lets only its admin set the write delay");
    }

    @org.junit.jupiter.api.Test
    void aPostgresqlDatabaseGetsTimeoutsUnlessTheConfigSetsItsOwn() {
        io.dropwizard.db.DataSourceFactory pg = new io.dropwizard.db.DataSourceFactory();
        pg.setUrl("jdbc:postgresql://127.0.0.1:5432/test");
        pg.setProperties(java.util.Map.of("socketTimeout", "120"));
        ParleyConfiguration.bounded(pg);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of("connectTimeout", "3", "loginTimeout", "5", "socketTimeout", "120"),
                pg.getProperties(), "a database that hangs held every request that touched it");

        io.dropwizard.db.DataSourceFactory h2 = ParleyConfiguration.h2("/tmp/db");
        ParleyConfiguration.bounded(h2);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Map.of(), h2.getProperties(), "H2 is left as it is");
    }

    /** PARLEY_RATE_LIMIT=1.5 was read as 1 rate a second, and 0.5 as 0 ("must be greater than or equal to 1"). */
    @Test
    void aFractionWhereAWholeNumberBelongsStopsStartUpNamingTheKey() throws Exception {
        String half = startUpError("rateLimit:\n  requestsPerSecond: 1.5\n");
        assertTrue(half.contains("rateLimit.requestsPerSecond must be a whole number up to 2147483647, not '1.5'"), half);
        String batch = startUpError("maxBatchSize: 2.5\n");
        assertTrue(batch.contains("maxBatchSize must be a whole number up to 2147483647, not '2.5'"), batch);
        assertEquals("started", startUpError("rateLimit:\n  requestsPerSecond: 2\n"));
    }

    /** What an operator reads when a config mistake stops start-up, as Dropwizard reads config.yml. */
    private static String startUpError(String yaml) throws Exception {
        try {
            built(yaml);
            return "started";
        } catch (io.dropwizard.configuration.ConfigurationException e) {
            return e.getMessage();
        }
    }

    /** The configuration this YAML makes, read from a file as the service reads its own. */
    private static ParleyConfiguration built(String yaml) throws Exception {
        var factory = StrictConfig.<ParleyConfiguration>factory().create(ParleyConfiguration.class,
                Validators.newValidator(), io.dropwizard.jackson.Jackson.newObjectMapper(), "dw");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("parley", ".yml");
        try {
            java.nio.file.Files.writeString(file, yaml);
            return factory.build(file.toFile());
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void configMistakesNameTheKeyAndWhatItTakes() throws Exception {
        assertTrue(startUpError("moderation:\n  escalationRole: \n").contains("moderation.escalationRole must be moderator or admin"),
                "an empty PARLEY_ESCALATION_ROLE says what the key takes, not 'must not be null'");
        // Jackson builds a record before it reports keys it does not know: "phrase" read as a list
        // with no phrases, and "mn" as a band without a minimum.
        String phrase = startUpError("policy:\n  phrases: [{name: banned, action: REJECT, phrase: [\"buy pills\"]}]\n");
        assertTrue(phrase.contains("Unrecognized field at: policy.phrases.[0].phrase") && phrase.contains("- phrases"), phrase);
        String band = startUpError("policy:\n  bands: [{attribute: TOXICITY, mn: 0.2, max: 0.5, action: REVIEW}]\n");
        assertTrue(band.contains("Unrecognized field at: policy.bands.[0].mn") && band.contains("- min"), band);
        assertEquals("started", startUpError("policy:\n  bands: [{attribute: TOXICITY, min: 0.2, max: 0.5, action: REVIEW}]\n"
                + "  phrases: [{name: banned, action: REJECT, phrases: [\"buy pills\"]}]\nmoderation:\n  escalationRole: Moderator\n"));
        String look = startUpError("policy:\n  bands: [{attribute: INSULT, min: 0.8, max: 1.0, action: REVIEW, secondlook: true}]\n");
        assertTrue(look.contains("Unrecognized field at: policy.bands.[0].secondlook") && look.contains("- secondLook"), look);
        String publish = startUpError("policy:\n  bands: [{attribute: INSULT, min: 0.8, max: 1.0, action: PUBLISH, secondLook: true}]\n");
        assertTrue(publish.contains("a second look holds a comment the other rules publish"), publish);
        String empty = startUpError("policy:\n  phrases: [{name: banned, action: REJECT, phrases: []}]\n");
        assertTrue(empty.contains("phrase rule 'banned' needs 1 to 10000 phrases"), "the record's own check still speaks: " + empty);
        // Every other key too (an operator's audit, sixty-ninth session: these started with their defaults and no word).
        String batch = startUpError("maxBatchSise: 10\n");
        assertTrue(batch.contains("Unrecognized field at: maxBatchSise") && batch.contains("- maxBatchSize"), batch);
        String grace = startUpError("server:\n  shutdownGracePerod: 5s\n");
        assertTrue(grace.contains("Unrecognized field at: server.shutdownGracePerod"), grace);
        String minutes = startUpError("moderation:\n  sessionMinutess: 60\n");
        assertTrue(minutes.contains("Unrecognized field at: moderation.sessionMinutess") && minutes.contains("- sessionMinutes"), minutes);
    }

    /**
     * An operator's audit (sixty-ninth session): PARLEY_MAX_WAIT=1 stopped the start with "Cannot construct instance of
     * `io.dropwizard.util.Duration`…", and PARLEY_LOG_FORMAT=xml with "expected: LogFormat": what the key takes is said.
     */
    @Test
    void aValueOfTheWrongKindIsRefusedSayingWhatTheKeyTakes() throws Exception {
        String duration = "overload.maxWait must be a duration: a whole number and its unit (500ms, 1s, 2 minutes; ns, us, ms, s, m, h, d)";
        assertTrue(startUpError("overload:\n  maxWait: 1\n").contains(duration + ", not '1'"), startUpError("overload:\n  maxWait: 1\n"));
        assertTrue(startUpError("overload:\n  maxWait: '1'\n").contains(duration + ", not '1'"), "a string that is no duration");
        assertTrue(startUpError("overload:\n  maxWait: 1.5s\n").contains(duration + ", not '1.5s'"));
        String format = startUpError("logFormat: xml\n");
        assertTrue(format.contains("logFormat must be one of text, json, not 'xml'"), format);
        String whole = startUpError("maxBatchSize: lots\n");
        assertTrue(whole.contains("maxBatchSize must be a whole number up to 2147483647, not 'lots'"), whole);
        String large = startUpError("maxBatchSize: 3000000000\n");
        assertTrue(large.contains("maxBatchSize must be a whole number up to 2147483647, not '3000000000'"), large);
        String flag = startUpError("strictPipeline: maybe\n");
        assertTrue(flag.contains("strictPipeline must be true or false, not 'maybe'"), flag);
        String nested = startUpError("policy:\n  bands: [{attribute: TOXICITY, min: low, max: 0.5, action: REVIEW}]\n");
        assertTrue(nested.contains("policy.bands[0].min must be a number, not 'low'"), nested);
        assertEquals("started", startUpError("overload:\n  maxWait: 2 minutes\nlogFormat: JSON\n"));
    }

    /** The shipped config.yml with its defaults (no PARLEY_* variables), as scripts/serve reads it. */
    private static ParleyConfiguration shipped() throws Exception {
        return shipped(java.util.Map.of());
    }

    /** The shipped config.yml with these PARLEY_* variables set. */
    private static ParleyConfiguration shipped(java.util.Map<String, String> env) throws Exception {
        // Each ${VAR:-default} as its default, whatever this machine's environment says.
        String text = new org.apache.commons.text.StringSubstitutor(env::get)
                .replace(java.nio.file.Files.readString(java.nio.file.Path.of("config.yml")));
        return built(text);
    }

    /** Above capacity a full request log queue held Jetty's threads (docs/scoring-api.md, "Overload"). */
    @Test
    void theShippedRequestLogNeverHoldsARequestThread() throws Exception {
        var server = (io.dropwizard.core.server.DefaultServerFactory) shipped().getServerFactory();
        var appenders = ((io.dropwizard.request.logging.LogbackAccessRequestLogFactory) server.getRequestLogFactory()).getAppenders();
        assertEquals(1, appenders.size());
        var console = (io.dropwizard.logging.common.AbstractAppenderFactory<?>) appenders.get(0);
        assertTrue(console.getQueueSize() >= 4096, "bursts below capacity fit: " + console.getQueueSize());
        // Dropwizard has no getter for it: the shipped file says it (and shipped() built it, so the key is Dropwizard's).
        var yaml = io.dropwizard.jackson.Jackson.newObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        assertTrue(yaml.readTree(java.nio.file.Path.of("config.yml").toFile()).at("/server/requestLog/appenders/0/neverBlock").asBoolean(),
                "a full queue drops the line instead of holding the thread");
        // monitoring.DroppedLines counts a line dropped while the queue's last discardingThreshold places are free: each
        // thread that writes the log finds one, so none is dropped uncounted (DroppedLinesTest).
        int writers = server.getMaxThreads() + server.getAdminMaxThreads();
        assertTrue(console.getDiscardingThreshold() >= writers, console.getDiscardingThreshold() + " < " + writers + " threads");
        assertTrue(console.getQueueSize() - console.getDiscardingThreshold() >= 4096, "4,096 lines still fit before any is dropped");
    }

    /**
     * Dropwizard's asynchronous appenders drop INFO lines while a fifth of their queue or less is free (discardingThreshold
     * unset), an erasure line among them, the record an operator re-applies after a restore (the forty-third session's
     * follow-up). The application log's appenders drop none: config.yml says so, and an appender that leaves it unset gets
     * 0; a value set is kept, and the request log's, which drops and counts above capacity, is left as it is.
     */
    @Test
    void theApplicationLogDropsNoLineUnlessTheConfigSaysSo() throws Exception {
        ParleyConfiguration shipped = shipped();
        assertEquals(List.of(0), discarding(shipped), "config.yml");
        var yaml = io.dropwizard.jackson.Jackson.newObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        assertEquals(0, yaml.readTree(java.nio.file.Path.of("config.yml").toFile()).at("/logging/appenders/0/discardingThreshold").asInt(-1),
                "config.yml says it");
        var requests = ((io.dropwizard.request.logging.LogbackAccessRequestLogFactory)
                ((io.dropwizard.core.server.DefaultServerFactory) shipped.getServerFactory()).getRequestLogFactory()).getAppenders();
        assertEquals(1088, ((io.dropwizard.logging.common.AbstractAppenderFactory<?>) requests.get(0)).getDiscardingThreshold());

        ParleyConfiguration own = built("""
                logging:
                  appenders:
                    - type: file
                      currentLogFilename: parley.log
                      archive: false
                    - type: console
                      discardingThreshold: 50
                """);
        assertEquals(List.of(0, 50), discarding(own), "unset: 0; set: kept");
    }

    /**
     * A logger's own appenders (config.yml's erasure log, forty-fourth session) are the config's JSON until Dropwizard
     * builds them, so the application log's rule reached none of them: one that leaves discardingThreshold unset gets 0
     * there too, one set is kept. config.yml's set it anyway (cli.ErasureLogTest).
     */
    @Test
    void aLoggersOwnAppenderDropsNoLineUnlessTheConfigSaysSo() throws Exception {
        ParleyConfiguration own = built("""
                logging:
                  loggers:
                    org.parley.service.resources.CommentsResource:
                      level: INFO
                      appenders:
                        - type: file
                          currentLogFilename: erasures.log
                          archive: false
                        - type: console
                          discardingThreshold: 50
                """);
        var entry = ((io.dropwizard.logging.common.DefaultLoggingFactory) own.getLoggingFactory()).getLoggers()
                .get("org.parley.service.resources.CommentsResource");
        assertEquals(0, entry.at("/appenders/0/discardingThreshold").asInt(-1), "unset: 0");
        assertEquals(50, entry.at("/appenders/1/discardingThreshold").asInt(-1), "set: kept");
    }

    private static List<Integer> discarding(ParleyConfiguration config) {
        return ((io.dropwizard.logging.common.DefaultLoggingFactory) config.getLoggingFactory()).getAppenders().stream()
                .map(a -> ((io.dropwizard.logging.common.AbstractAppenderFactory<?>) a).getDiscardingThreshold()).toList();
    }

    /** PARLEY_LOG_FORMAT=json: both logs one JSON object a line, for a log shipper (JsonLogsTest runs it). */
    @Test
    void theLogFormatChoosesTheLayoutOfBothLogs() throws Exception {
        for (String format : new String[] {"json", "JSON"}) {
            ParleyConfiguration json = shipped(java.util.Map.of("PARLEY_LOG_FORMAT", format));
            var app = ((io.dropwizard.logging.common.DefaultLoggingFactory) json.getLoggingFactory()).getAppenders();
            assertTrue(((io.dropwizard.logging.common.AbstractAppenderFactory<?>) app.get(0)).getLayout()
                    instanceof io.dropwizard.logging.json.EventJsonLayoutBaseFactory, format);
            var requests = ((io.dropwizard.request.logging.LogbackAccessRequestLogFactory)
                    ((io.dropwizard.core.server.DefaultServerFactory) json.getServerFactory()).getRequestLogFactory()).getAppenders();
            assertTrue(((io.dropwizard.logging.common.AbstractAppenderFactory<?>) requests.get(0)).getLayout()
                    instanceof io.dropwizard.logging.json.AccessJsonLayoutBaseFactory, format);
        }
        var text = ((io.dropwizard.logging.common.DefaultLoggingFactory) shipped().getLoggingFactory()).getAppenders();
        org.junit.jupiter.api.Assertions.assertNull(((io.dropwizard.logging.common.AbstractAppenderFactory<?>) text.get(0)).getLayout(), "text: Dropwizard's lines");
        assertTrue(startUpError("logFormat: \n").contains("logFormat must be text or json"), startUpError("logFormat: \n"));
        assertTrue(startUpError("logFormat: xml\n").contains("logFormat"), startUpError("logFormat: xml\n"));
    }

    /** Scoring is gated by default, single comments and batches in lanes of their own; -1 opens a lane's gate. */
    @Test
    void theShippedConfigGatesScoring() throws Exception {
        ParleyConfiguration.Overload overload = shipped().overload;
        assertEquals(0, overload.maxScoring);
        assertEquals(0, overload.maxBatchScoring);
        assertEquals(64, overload.maxWaiting);
        assertEquals(io.dropwizard.util.Duration.seconds(1), overload.maxWait);
        assertTrue(overload.gate() != org.parley.service.core.ScoringGate.open(), "a limit, not the open gate");
        assertTrue(overload.batchGate() != org.parley.service.core.ScoringGate.open());
        assertTrue(overload.gate() != overload.batchGate(), "two lanes");
        assertTrue(overload.gate() == overload.gate(), "made once: the service's lane is the one its configuration gives");
        // In units of work (core.ScoringWork): a single comments' turn is one, a batch turn unitsPerBatchTurn.
        int cores = Runtime.getRuntime().availableProcessors();
        assertEquals(100, overload.unitsPerBatchTurn);
        assertEquals(2 * cores, overload.gate().capacity());
        assertEquals(100 * cores, overload.batchGate().capacity());
        assertTrue(startUpError("overload:\n  unitsPerBatchTurn: 0\n").contains("overload.unitsPerBatchTurn"), "a turn holds a unit at least");
        ParleyConfiguration.Overload open = new ParleyConfiguration.Overload();
        open.maxScoring = -1;
        assertTrue(open.gate() == org.parley.service.core.ScoringGate.open());
        assertTrue(startUpError("overload:\n  maxScoring: -2\n").contains("overload.maxScoring"), "below -1 stops start-up");
    }

    /** Retention is off unless the operator sets a period (docs/moderation.md, Retention); the variables set it; a negative period or no pause between runs stops start-up. */
    @Test
    void retentionIsOffByDefaultAndItsVariablesSetIt() throws Exception {
        ParleyConfiguration.Retention shipped = shipped().retention;
        assertEquals(0, shipped.unreviewedDays);
        assertEquals(0, shipped.reviewedDays);
        assertFalse(shipped.build(null).on(), "nothing is deleted by default");
        ParleyConfiguration.Retention set = shipped(java.util.Map.of("PARLEY_RETENTION_UNREVIEWED_DAYS", "30",
                "PARLEY_RETENTION_REVIEWED_DAYS", "730")).retention;
        assertEquals(30, set.unreviewedDays);
        assertEquals(730, set.reviewedDays);
        assertTrue(set.build(null).on());
        assertTrue(startUpError("retention:\n  unreviewedDays: -1\n").contains("retention.unreviewedDays"), "a negative period");
        assertTrue(startUpError("retention:\n  every: 0s\n").contains("retention.every"), "no pause between runs");
    }

    /** The moderator page's poll interval: 20 s by default, PARLEY_POLL_SECONDS sets it, outside 1 to 3,600 s stops start-up. */
    @Test
    void thePagesPollIntervalIsConfigured() throws Exception {
        assertEquals(20, shipped().moderation.pollSeconds);
        assertEquals(45, shipped(java.util.Map.of("PARLEY_POLL_SECONDS", "45")).moderation.pollSeconds);
        assertTrue(startUpError("moderation:\n  pollSeconds: 0\n").contains("moderation.pollSeconds"), "no pause between polls");
        assertTrue(startUpError("moderation:\n  pollSeconds: 3601\n").contains("moderation.pollSeconds"), "over an hour");
    }

    /** 23:30 UTC on the last day of November: 1 December in Chatham (+13:45), still November in St. John's (-3:30). */
    private static final java.time.Instant MONTHS_END = java.time.Instant.parse("2026-11-30T23:30:00Z");

    /** Runs {@code body} with the JVM's default time zone and locale set as a machine's TZ and LANG would set them. */
    private static void inZoneAndLocale(String zone, java.util.Locale locale, ThrowingRunnable body) throws Exception {
        java.util.TimeZone zoneWas = java.util.TimeZone.getDefault();
        java.util.Locale localeWas = java.util.Locale.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
        java.util.Locale.setDefault(locale);
        try {
            body.run();
        } finally {
            java.util.TimeZone.setDefault(zoneWas);
            java.util.Locale.setDefault(localeWas);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * The erasure log's months are UTC months, whatever the machine's zone: an erasure at 23:30 UTC on November's last
     * day is November's (its file's name, and the roll comes at 00:00 UTC), which is what --since YYYY-MM and
     * OperatorMonths (a month ends at 00:00 UTC) read the names and lines as (a clock audit, forty-eighth session).
     */
    @Test
    void theErasureLogsMonthsAreUtcMonthsWhateverTheJvmsZone() throws Exception {
        var yaml = io.dropwizard.jackson.Jackson.newObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var loggers = yaml.readTree(java.nio.file.Path.of("config.yml").toFile()).at("/logging/loggers");
        for (String zone : List.of("Pacific/Chatham", "America/St_Johns", "UTC")) {
            inZoneAndLocale(zone, java.util.Locale.forLanguageTag("tr-TR"), () -> {
                for (String logger : List.of("org.parley.service.resources.CommentsResource", "org.parley.service.cli.EraseCommand")) {
                    String pattern = loggers.at("/" + logger + "/appenders/0/archivedLogFilenamePattern").asText()
                            .replace("${PARLEY_ERASURE_LOG:-runs/erasures}", "dir");
                    var names = new ch.qos.logback.core.rolling.helper.FileNamePattern(pattern, new ch.qos.logback.core.ContextBase());
                    String name = names.convert(java.util.Date.from(MONTHS_END));
                    assertTrue(name.matches("dir/(sites|operator)-2026-11\\.log(\\.gz)?"), zone + ": " + name);
                    var dates = names.getPrimaryDateTokenConverter();
                    var months = new ch.qos.logback.core.rolling.helper.RollingCalendar(dates.getDatePattern(),
                            java.util.TimeZone.getTimeZone(dates.getZoneId()), java.util.Locale.getDefault());
                    assertEquals(java.time.Instant.parse("2026-12-01T00:00:00Z"), months.getNextTriggeringDate(MONTHS_END), zone + ": the roll");
                }
            });
        }
    }

    /**
     * The request log's time is UTC with English month names, as the Common Log Format has them and log tools read them:
     * logback took the JVM's locale (LANG), and under tr_TR a line read [30/Kas/2026:23:30:00 +0000], under de_DE
     * [30/Nov./2026…] (a clock audit, forty-eighth session).
     */
    @Test
    void theRequestLogsTimeIsUtcWithEnglishMonthsWhateverTheJvmsZoneAndLocale() throws Exception {
        var yaml = io.dropwizard.jackson.Jackson.newObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        for (String file : List.of("config.yml", "src/test/resources/test-config.yml")) {
            String format = yaml.readTree(java.nio.file.Path.of(file).toFile()).at("/server/requestLog/appenders/0/logFormat").asText();
            var t = java.util.regex.Pattern.compile("%t\\{([^}]*)\\}").matcher(format);
            assertTrue(t.find(), file + ": " + format);
            for (var locale : List.of(java.util.Locale.forLanguageTag("tr-TR"), java.util.Locale.GERMANY, java.util.Locale.FRANCE)) {
                inZoneAndLocale("Pacific/Chatham", locale, () -> {
                    var time = new ch.qos.logback.access.common.pattern.DateConverter();
                    time.setOptionList(List.of(t.group(1).split(",")));
                    time.start();
                    assertEquals("30/Nov/2026:23:30:00 +0000", time.internalCachingDateFormatter().format(MONTHS_END.toEpochMilli()),
                            file + " under " + locale);
                });
            }
        }
    }
}
