package org.parley.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.parley.policy.Action;
import org.parley.policy.Band;
import org.parley.policy.PhraseRule;
import org.parley.policy.Policy;
import org.parley.policy.SentenceRule;
import org.parley.service.monitoring.LogFormat;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Service configuration: config.yml, with ${ENV:-default} substitutions. */
public class ParleyConfiguration extends Configuration {
    /** The model bundle to serve; relative paths resolve against the working directory. */
    @NotEmpty
    @JsonProperty
    public String model = "models/toxicity.zip";

    /** The stance bundle (targets, context.parentText); relative paths resolve against the working directory. */
    @NotEmpty
    @JsonProperty
    public String stanceModel = "models/stance.zip";

    /**
     * Refuse, at the start and at a reload, a bundle not shown to read text as its training did ({@code model.PipelineCheck}):
     * this checkout reads some of its recorded probe texts otherwise, or it records none (trained before the check). Off: such
     * a bundle is served, with a WARN naming it, how many probes differ and one of them.
     */
    @JsonProperty
    public boolean strictPipeline = false;

    /** Most comments in one POST /v1/score/batch; more is a 413. */
    @Min(1)
    @Max(10_000)
    @JsonProperty
    public int maxBatchSize = 100;

    /** Most comments in one POST /v1/score/thread; more is a 413. */
    @Min(1)
    @Max(10_000)
    @JsonProperty
    public int maxThreadComments = 500;

    /** TEXT or JSON (one object a line): the application log's and the request log's layout, {@link LogFormat}. */
    @NotNull(message = "must be text or json") // an empty PARLEY_LOG_FORMAT reads as null
    @JsonProperty
    public LogFormat logFormat = LogFormat.TEXT;

    /** {@code key:role[:requestsPerSecond][:site=NAME],...}; empty means a dev key is made and printed at start-up. */
    @JsonProperty
    public String apiKeys = "";

    @Valid
    @NotNull
    @JsonProperty
    public RateLimit rateLimit = new RateLimit();

    @Valid
    @NotNull
    @JsonProperty
    public Overload overload = new Overload();

    @Valid
    @NotNull
    @JsonProperty
    public Spans spans = new Spans();

    /** The moderation store: an H2 file by default (no set-up), PostgreSQL in production. */
    @Valid
    @NotNull
    @JsonProperty
    public DataSourceFactory database = h2("./runs/parley-db");

    /**
     * A PostgreSQL URL left with the default H2 driver would fail only in the connection pool, as
     * "Driver:org.h2.Driver returned null for URL"; this says what to set before anything starts.
     */
    @JsonIgnore
    @ValidationMethod(message = "database.driverClass cannot open database.url: for a jdbc:postgresql: URL set "
            + "PARLEY_DB_DRIVER=org.postgresql.Driver (and PARLEY_DB_USER); for jdbc:h2:, org.h2.Driver")
    public boolean isDatabaseDriverForItsUrl() {
        if (database == null || database.getDriverClass() == null || database.getUrl() == null) return true; // @NotNull's to say
        try {
            return ((Driver) Class.forName(database.getDriverClass()).getDeclaredConstructor().newInstance()).acceptsURL(database.getUrl());
        } catch (ReflectiveOperationException | ClassCastException | SQLException e) {
            return false;
        }
    }

    /**
     * How long a schema migration on PostgreSQL waits for a lock on the store's tables that another session holds (an old
     * service's open transaction, a pg_dump) before the start fails saying so (its lock_timeout, for the migration alone;
     * 0: for ever, as before the forty-third session). It bounds waits, not a long changeset's work.
     */
    @NotNull
    @JsonProperty
    public io.dropwizard.util.Duration migrationLockTimeout = io.dropwizard.util.Duration.minutes(1);

    @Valid
    @NotNull
    @JsonProperty
    public Moderation moderation = new Moderation();

    /** How long the moderation store keeps comments, decisions and suggestions (docs/moderation.md, Retention). */
    @Valid
    @NotNull
    @JsonProperty
    public Retention retention = new Retention();

    /**
     * Where clients reach the service (PARLEY_PUBLIC_URL), e.g. https://comments.example.com/: the discovery
     * document's rootUrl whatever a request's Host header says. Empty: each request's own scheme and Host (or
     * X-Forwarded-Host with useForwardedHeaders), which suits a try-out on localhost, but a shared cache that
     * ignores Host could then hand one client's rootUrl to others. Null (an empty variable) is unset too.
     */
    @JsonProperty
    public String publicUrl = "";

    @JsonIgnore
    @ValidationMethod(message = "publicUrl (PARLEY_PUBLIC_URL) must be empty or an absolute http:// or https:// URL "
            + "with a host and no user, query or fragment, e.g. https://comments.example.com/")
    public boolean isPublicUrlAbsolute() {
        return publicUrl == null || publicUrl.isEmpty() || publicRoot().isPresent();
    }

    /** {@link #publicUrl} ending in "/" (a client resolves the methods' paths against it); empty when unset or not valid. */
    public java.util.Optional<String> publicRoot() {
        if (publicUrl == null || publicUrl.isEmpty()) return java.util.Optional.empty();
        try {
            java.net.URI u = new java.net.URI(publicUrl);
            boolean http = "http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme());
            if (!http || u.getHost() == null || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null)
                return java.util.Optional.empty();
            return java.util.Optional.of(publicUrl.endsWith("/") ? publicUrl : publicUrl + "/");
        } catch (java.net.URISyntaxException e) {
            return java.util.Optional.empty();
        }
    }

    /**
     * Origins whose pages may call the scoring endpoints from the browser (CORS; PARLEY_CORS_ORIGINS), separated by
     * commas and written as a browser sends them in {@code Origin}: scheme, host and a port if not the default, e.g.
     * {@code https://news.example.com,http://localhost:3000}. Empty (or null, an empty variable): no CORS headers at all.
     */
    @JsonProperty
    public String corsOrigins = "";

    @JsonIgnore
    @ValidationMethod(message = "corsOrigins (PARLEY_CORS_ORIGINS) must be empty or origins separated by commas, each "
            + "http:// or https:// and a host name or address, with a port if need be and no path, user, query or fragment, "
            + "e.g. https://news.example.com,http://localhost:3000")
    public boolean isCorsOriginsValid() {
        try {
            corsOriginList();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * {@link #corsOrigins} as a browser writes each in {@code Origin} (lower case, no default port, no "/"), which is how
     * they are compared: exactly, no wildcards.
     *
     * @throws IllegalArgumentException naming an entry that is no origin
     */
    public List<String> corsOriginList() {
        if (corsOrigins == null || corsOrigins.isBlank()) return List.of();
        List<String> out = new java.util.ArrayList<>();
        for (String entry : corsOrigins.split(",")) {
            String o = entry.strip();
            if (o.isEmpty()) continue;
            java.net.URI u;
            try {
                u = new java.net.URI(o);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("not an origin: " + o);
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(java.util.Locale.ROOT);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(java.util.Locale.ROOT);
            boolean path = u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/");
            if (!(scheme.equals("http") || scheme.equals("https")) || !host.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")
                    || u.getRawUserInfo() != null || path || u.getRawQuery() != null || u.getRawFragment() != null)
                throw new IllegalArgumentException("not an origin: " + o);
            boolean defaultPort = u.getPort() == -1 || u.getPort() == (scheme.equals("https") ? 443 : 80);
            out.add(scheme + "://" + host + (defaultPort ? "" : ":" + u.getPort()));
        }
        return List.copyOf(out);
    }

    /** Null: {@link Policy#standard()}. */
    @Valid
    @JsonProperty
    public PolicyConfig policy;

    public static class RateLimit {
        /** Default for keys that do not set their own, and each moderator's for their sessions. */
        @Min(1)
        @JsonProperty
        public int requestsPerSecond = 100;

        /** The bucket holds this many seconds of requests, so short bursts pass. */
        @Min(1)
        @JsonProperty
        public int burstSeconds = 2;

        /** A request costs one more token for each this many bytes of its body; 0: bodies cost nothing more. */
        @Min(0)
        @JsonProperty
        public int bytesPerToken = 1024;

        /** Failed authentications a client address may make per minute before it must wait; 0: no limit. */
        @Min(0)
        @JsonProperty
        public int failedAuthPerMinute = 60;

        /** Requests a client address may have in progress at once (each holds a thread while its body is read); 0: no limit. */
        @Min(0)
        @JsonProperty
        public int concurrentPerAddress = 64;

        /**
         * Requests/s of a scorer key from one client address, whose own bucket (of burstSeconds) pays for its bodies and
         * stance, so that one visitor of the pages that publish the key cannot empty the bucket every reader shares;
         * 0: none (readers behind one NAT share an address).
         */
        @Min(0)
        @JsonProperty
        public int scorerPerAddress = 10;
    }

    /** Above what the cores can score (docs/scoring-api.md, "Overload"; core.ScoringGate). */
    public static class Overload {
        /** Single comments (/v1/score, :analyze) scoring at once; 0: two per core; -1: no limit (as before). */
        @Min(-1)
        @JsonProperty
        public int maxScoring = 0;

        /**
         * Batches and threads (/v1/score/batch, /v1/score/thread) scoring at once, a lane of their own: a batch may
         * score for seconds, and sharing the turns they kept single comments from theirs. 0: one per core (one per two
         * cores cost scripts/benchmark's two batch connections ~15 % of their comments/s); -1: no limit.
         */
        @Min(-1)
        @JsonProperty
        public int maxBatchScoring = 0;

        /**
         * The work a turn of the batches' lane holds, in units of core.ScoringWork (a text of up to 2,048 characters;
         * the single comments' lane has turns of one unit): a batch or thread takes as many units as it weighs, at most
         * the whole lane (docs/scoring-api.md, "Overload"). 100, a full batch of comments of up to 2,048 characters,
         * keeps maxBatchScoring's batches of shorter comments scoring at once as before the weights, and lets more
         * lighter ones in beside them.
         */
        @Min(1)
        @JsonProperty
        public int unitsPerBatchTurn = 100;

        /** Requests that wait for a turn in each lane beyond those; more are refused at once (503). */
        @Min(0)
        @JsonProperty
        public int maxWaiting = 64;

        /** How long a request waits for its turn before its 503. */
        @NotNull
        @JsonProperty
        public io.dropwizard.util.Duration maxWait = io.dropwizard.util.Duration.seconds(1);

        // Each lane is made once, so that whatever reads the configuration after start-up reaches the service's own:
        // OpenApiContractTest holds a turn of each to answer the gate's 503s.
        @JsonIgnore
        private org.parley.service.core.ScoringGate gate;
        @JsonIgnore
        private org.parley.service.core.ScoringGate batchGate;

        /** The single comments' lane. */
        public synchronized org.parley.service.core.ScoringGate gate() {
            if (gate == null) gate = gate(maxScoring, 2 * Runtime.getRuntime().availableProcessors(), 1);
            return gate;
        }

        /** The batches' and threads' lane. */
        public synchronized org.parley.service.core.ScoringGate batchGate() {
            if (batchGate == null) batchGate = gate(maxBatchScoring, Runtime.getRuntime().availableProcessors(), unitsPerBatchTurn);
            return batchGate;
        }

        private org.parley.service.core.ScoringGate gate(int turns, int byDefault, int unitsPerTurn) {
            if (turns == -1) return org.parley.service.core.ScoringGate.open();
            return new org.parley.service.core.ScoringGate(turns == 0 ? byDefault : turns, unitsPerTurn, maxWaiting,
                    maxWait.toJavaDuration());
        }
    }

    public static class Spans {
        /** Least drop in log-odds for a word to count (tuned by scripts/evaluate-spans). */
        @DecimalMin("0")
        @JsonProperty
        public double threshold = 1.5;

        /**
         * A word also counts when annotators marked it at least this often (SpanLexicon). 0.6 is
         * tuned for the union with the tagger; the explainer alone (tagger: false) was tuned at 0.45.
         */
        @DecimalMin("0")
        @JsonProperty
        public double lexiconThreshold = 0.6;

        /**
         * With no word over either threshold, show the best by fallbackMix × weight + rate (.nan: show
         * none). Only with tagger: false; the tagger has its own fallback.
         */
        @JsonProperty
        public double fallbackMix = 0.3;

        /**
         * Use the span tagger shipped in the classifier jar (SpanTagger; tuned by scripts/evaluate-spans).
         * False: the occlusion-and-lexicon explainer alone, with fallbackMix.
         */
        @JsonProperty
        public boolean tagger = true;

        /**
         * Decide with the span stacker shipped in the classifier jar (SpanStacker: the tagger, occlusion
         * and lexicon combined by a regression fitted by scripts/evaluate-spans; dev F1 0.681). False: the
         * thresholds below (0.662). Needs tagger: true; the thresholds below are then unused.
         */
        @JsonProperty
        public boolean stacker = true;

        /** A word is a span when the tagger gives it at least this probability. */
        @DecimalMin("0")
        @DecimalMax("1")
        @JsonProperty
        public double taggerThreshold = 0.45;

        /** Also keep the words over threshold or lexiconThreshold; false skips the occlusion pass. */
        @JsonProperty
        public boolean taggerUnion = true;

        /** With no word kept, show the tagger's best word if it reaches this probability (.nan: none). */
        @JsonProperty
        public double taggerFallback = 0.0;

        /** Spans are computed only when the top attribute reaches this probability. */
        @DecimalMin("0")
        @DecimalMax("1")
        @JsonProperty
        public double minProbability = 0.5;
    }

    public static class Moderation {
        /** A moderator's log-in lasts this long. */
        @Min(1)
        @Max(7 * 24 * 60)
        @JsonProperty
        public int sessionMinutes = 8 * 60;

        /** Session cookies only over HTTPS, named __Host-parley_session (auth.SessionCookie): set true behind TLS. */
        @JsonProperty
        public boolean secureCookies = false;

        /** Most comments in one POST /v1/threads; more is a 413. */
        @Min(1)
        @Max(10_000)
        @JsonProperty
        public int maxThreadComments = 500;

        /** Seconds between the moderator page's reads of its queue (ui/poll.js); the page's address (?poll=) overrides it. */
        @Min(1)
        @Max(3600)
        @JsonProperty
        public int pollSeconds = 20;

        /**
         * Who decides an escalated comment: {@code admin} (the default: an escalation passes the comment
         * to a senior moderator) or {@code moderator} (anyone who moderates).
         */
        @NotNull(message = "must be moderator or admin") // an empty PARLEY_ESCALATION_ROLE reads as null
        @Pattern(regexp = "(?i)moderator|admin", message = "must be moderator or admin")
        @JsonProperty
        public String escalationRole = "admin";

        /** With no moderator accounts: the first run's "admin" password; empty: a random one, printed. */
        @JsonProperty
        public String adminPassword = "";
    }

    /**
     * Off by default (both periods 0): deleting is for good, and how long a site keeps its readers' comments and its
     * moderators' labels is its own policy (its privacy notice, training, audits), which an upgrade must not choose for it.
     */
    public static class Retention {
        /** Comments the policy alone decided (published or rejected, never reviewed), deleted this long after they came; 0: kept. */
        @Min(0)
        @Max(36_500)
        @JsonProperty
        public int unreviewedDays = 0;

        /**
         * Comments a moderator decided, or their site or an operator erased, deleted with their decisions this long after
         * the last one; and :suggestscore's suggestions this long after they came; 0: kept.
         */
        @Min(0)
        @Max(36_500)
        @JsonProperty
        public int reviewedDays = 0;

        /** Comments deleted in one transaction: a batch holds their rows' locks only, for milliseconds. */
        @Min(1)
        @Max(10_000)
        @JsonProperty
        public int batchSize = 500;

        /** Time between runs on each instance (the first a minute after start-up). */
        @NotNull
        @io.dropwizard.validation.MinDuration(value = 1, unit = java.util.concurrent.TimeUnit.MINUTES)
        @JsonProperty
        public io.dropwizard.util.Duration every = io.dropwizard.util.Duration.hours(1);

        public org.parley.service.store.Retention build(org.jdbi.v3.core.Jdbi jdbi) {
            return new org.parley.service.store.Retention(jdbi, java.time.Duration.ofDays(unreviewedDays),
                    java.time.Duration.ofDays(reviewedDays), batchSize);
        }
    }

    /**
     * An H2 file database that reads the PostgreSQL dialect our SQL is written in. Not
     * DATABASE_TO_LOWER: Liquibase would then miss its own tables on the next start. WRITE_DELAY=0: a
     * commit is in the file before the answer (kill -9 safe); AUTO_SERVER: scripts can open it while the service runs.
     */
    public static DataSourceFactory h2(String file) {
        DataSourceFactory f = new DataSourceFactory();
        f.setDriverClass("org.h2.Driver");
        f.setUrl("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;AUTO_SERVER=TRUE");
        f.setUser("sa");
        f.setPassword("");
        return f;
    }

    /**
     * The URL with {@code WRITE_DELAY=0} added when it names an H2 file database without a write
     * delay of its own: H2's default (500 ms) acknowledges commits that a kill -9 then loses, and a
     * 2xx must mean the write is on disk. Only for H2's admin user {@code sa} (the default): only
     * a database's admin may set it, which another user may not be. Other URLs are returned as
     * they are; start-up logs an error if the delay is not 0 ({@code Database.diskWriteDelay}).
     */
    public static String durable(String url, String user) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) return url;
        if (user != null && !user.isEmpty() && !user.equalsIgnoreCase("sa")) return url;
        return url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY") ? url : url + ";WRITE_DELAY=0";
    }

    /** PostgreSQL driver waits, in seconds, for a URL and config that set none of their own. */
    static final Map<String, String> POSTGRESQL_TIMEOUTS = Map.of("connectTimeout", "3", "loginTimeout", "5", "socketTimeout", "30");

    /**
     * Bounds how long a PostgreSQL connection waits on the server ({@link #POSTGRESQL_TIMEOUTS}), unless the
     * config's driver properties or the URL say otherwise (the driver reads the URL's over these). Without
     * them a database that hangs rather than refuses held every request that touched it for as long as it
     * hung; with them the request ends in a 503. A statement (a migration) may take up to 30 s. Other
     * drivers are left as they are.
     */
    public static DataSourceFactory bounded(DataSourceFactory f) {
        if (f.getUrl() == null || !f.getUrl().startsWith("jdbc:postgresql:")) return f;
        Map<String, String> properties = new java.util.LinkedHashMap<>(f.getProperties());
        POSTGRESQL_TIMEOUTS.forEach(properties::putIfAbsent);
        f.setProperties(properties);
        return f;
    }

    public static class PolicyConfig {
        @NotNull
        @JsonProperty
        public List<Band> bands = List.of();

        @NotNull
        @JsonProperty
        public Action otherwise = Action.PUBLISH;

        /** For a comment that looks to be in another language than English; null: its scores alone decide. */
        @JsonProperty
        public Action otherLanguage = Action.REVIEW;

        /** Word lists: a comment holding a phrase gets the rule's action; left out: the shipped threat list. */
        @NotNull
        @JsonProperty
        public List<PhraseRule> phrases = List.of(PhraseRule.threats());

        /**
         * A second look at a comment the other rules publish: one of its sentences scored alone at the rule's
         * min or above fires it; left out: {@link SentenceRule#standard()}; null: no sentence is read alone.
         */
        @Valid
        @JsonProperty
        public SentenceRule sentences = SentenceRule.standard();

        Policy build() {
            return new Policy(bands, otherwise, otherLanguage, phrases, sentences);
        }
    }

    public Policy buildPolicy() {
        return policy == null ? Policy.standard() : policy.build();
    }
}
