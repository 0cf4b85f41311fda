package org.parley.service;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.auth.AuthDynamicFeature;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.Application;
import io.dropwizard.jdbi3.JdbiFactory;
import org.jdbi.v3.core.Jdbi;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.servlets.CrossOriginFilter;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.parley.explain.SpanCombination;
import org.parley.explain.SpanStacker;
import org.parley.explain.SpanExplainer;
import org.parley.explain.SpanLexicon;
import org.parley.explain.SpanTagger;
import org.parley.explain.TaggedExplainer;
import org.parley.model.BlasThreads;
import org.parley.model.ModelBundle;
import org.parley.model.PipelineCheck;
import org.parley.model.ToxicityModel;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.auth.AdminRequestFilter;
import org.parley.service.batch.BatchServlet;
import org.parley.service.auth.ApiKey;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.ApiKeys;
import org.parley.service.auth.BodyCharge;
import org.parley.service.auth.ConcurrencyLimit;
import org.parley.service.auth.ModeratorPageFilter;
import org.parley.service.auth.LoginThrottle;
import org.parley.service.auth.RateLimiter;
import org.parley.service.auth.SessionCookie;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ScoringGate;
import org.parley.service.core.ServedModel;
import org.parley.service.core.SentimentHolder;
import org.parley.service.core.ServedStance;
import org.parley.service.core.StanceHolder;
import org.parley.service.core.ThreadTargets;
import org.parley.service.errors.ApiExceptionMapper;
import org.parley.service.errors.BodyEncoding;
import org.parley.service.errors.BodySizeLimit;
import org.parley.service.errors.StrictUtf8;
import org.parley.service.errors.JsonBadMessages;
import org.parley.service.errors.JsonExceptionMapper;
import org.parley.service.errors.UnstorableCharacters;
import org.parley.service.errors.UnexpectedExceptionMapper;
import org.parley.service.errors.WebApplicationExceptionMapper;
import org.parley.service.health.DatabaseHealthCheck;
import org.parley.service.health.ErasureLogHealthCheck;
import org.parley.service.health.ModelHealthCheck;
import org.parley.service.health.StrayRowCheck;
import org.parley.service.cli.AddModeratorCommand;
import org.parley.service.cli.EraseCommand;
import org.parley.service.cli.RemoveModeratorCommand;
import org.parley.service.errors.DatabaseExceptionMapper;
import org.parley.service.moderation.CommentViews;
import org.parley.service.erasurelog.ErasureLogLock;
import org.parley.service.erasurelog.InterruptedRolls;
import org.parley.service.erasurelog.ErasureLogDirs;
import org.parley.service.erasurelog.PastMonthsCompressor;
import org.parley.service.moderation.ErasureLogLine;
import org.parley.service.moderation.EscalationRule;
import org.parley.service.intake.Ingestion;
import org.parley.service.intake.ReplySweep;
import org.parley.service.monitoring.DroppedLines;
import org.parley.service.monitoring.ErasureLogRoomGauge;
import org.parley.service.monitoring.EndpointLatency;
import org.parley.service.monitoring.PolicyInputs;
import org.parley.service.monitoring.PrometheusEndpoint;
import org.parley.service.monitoring.QueueGauges;
import org.parley.service.monitoring.RequestIds;
import org.parley.service.monitoring.ServedModels;
import org.parley.service.monitoring.ServedPipelines;
import org.parley.service.resources.AdminResource;
import org.parley.service.resources.CommentsResource;
import org.parley.service.resources.QueueResource;
import org.parley.service.resources.SessionResource;
import org.parley.service.resources.ThreadsResource;
import org.parley.service.store.AccountStore;
import org.parley.service.store.CommentStore;
import org.parley.service.store.QueueReads;
import org.parley.service.store.Database;
import org.parley.service.store.FeedbackStore;
import org.parley.service.auth.ModeratorSession;
import org.parley.service.auth.NoSniff;
import org.parley.service.errors.AnswerCharset;
import org.parley.service.auth.PrivateAnswers;
import org.parley.service.access.Role;
import org.parley.service.resources.DiscoveryResource;
import org.parley.service.resources.OpenApiResource;
import org.parley.service.resources.PerspectiveResource;
import org.parley.service.resources.ScoreResource;
import org.parley.service.resources.ScoreThreadResource;
import org.parley.service.tasks.ReloadServlet;
import org.parley.service.tasks.ReloadTask;
import org.parley.service.tasks.RetentionTask;
import org.parley.stance.StanceBundle;
import org.parley.stance.StanceModel;
import org.parley.text.Language;
import org.parley.text.TextPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The Parley scoring service. {@link #run} wires it in steps that read in order, each a method below. */
public class ParleyApplication extends Application<ParleyConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(ParleyApplication.class);

    /** H2's check for stray rows ({@link StrayRowCheck}); a test's slower one shows that the start does not wait for it. */
    private final StrayRowCheck.Count strayRows;

    public ParleyApplication() {
        this(Database::strayRows);
    }

    ParleyApplication(StrayRowCheck.Count strayRows) {
        this.strayRows = strayRows;
    }

    public static void main(String[] args) throws Exception {
        // The H2 default (AUTO_SERVER) lets scripts open the database while the service runs, through a
        // TCP port that H2 would otherwise open on every interface. Set before any H2 class loads.
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
        new ParleyApplication().run(args);
    }

    @Override
    public String getName() {
        return "parley";
    }

    /**
     * A wrong or missing option (Dropwizard's Cli has printed the problem and the usage), or input the command refuses
     * (an --out that is a folder, a --site no comment has, a blank --id), exits 2, as the classifier's scripts do for
     * what they refuse; any other failure (no config, no database) 1. Until the forty-second session refused input
     * exited 1. Done but with something to look at ({@link org.parley.service.cli.ReviewNeeded}: scripts/erase --from-log's
     * cut erasure lines) exits 3.
     */
    @Override
    protected void onFatalError(Throwable t) {
        System.exit(exitCode(t));
    }

    /** The exit status of a command that ended with {@code t}, as {@link #onFatalError} gives it. */
    public static int exitCode(Throwable t) {
        if (t instanceof org.parley.service.cli.ReviewNeeded) return 3;
        return t instanceof net.sourceforge.argparse4j.inf.ArgumentParserException || t instanceof IllegalArgumentException ? 2 : 1;
    }

    @Override
    public void initialize(Bootstrap<ParleyConfiguration> bootstrap) {
        // ${PORT:-8080} and friends in config.yml; a missing variable without default is an error.
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.setConfigurationFactoryFactory(StrictConfig.factory());
        // The moderator UI: static files whose script reads /v1 with the session cookie.
        bootstrap.addBundle(new AssetsBundle("/ui", "/moderate", "index.html", "ui"));
        bootstrap.addCommand(new AddModeratorCommand());
        bootstrap.addCommand(new RemoveModeratorCommand());
        bootstrap.addCommand(new EraseCommand());
        bootstrap.addCommand(new org.parley.service.cli.ExportDecisionsCommand());
    }

    @Override
    public void run(ParleyConfiguration config, Environment env) {
        // Dropwizard has configured the logging, which drops any turbo filter: a database outage's pool warnings as one line each
        org.parley.service.monitoring.BrokenConnectionWarning.install(io.dropwizard.logging.common.LoggingUtil.getLoggerContext());
        // The ports first: a second start from one checkout (a second terminal) was told of the erasure log it shares, not
        // of the port, which is what to change (a newcomer's fourth audit, sixty-ninth session).
        FreePorts.require(config.getServerFactory());
        ErasureLogLock erasureLog = holdErasureLog(env);
        try {
            start(config, env);
        } catch (RuntimeException | Error e) {
            erasureLog.close(); // a start that fails in a JVM that goes on (tests) lets the next one have it
            throw e;
        }
    }

    /** Everything but the erasure log, in the order it must be built. */
    private void start(ParleyConfiguration config, Environment env) {
        // A malformed key stops start-up here, not after the models and the database (~11 s).
        ApiKeys configuredKeys = ApiKeys.parse(config.apiKeys, config.rateLimit.requestsPerSecond);
        strictJson(env.getObjectMapper());
        // What a body's parse may hold, by the most comments a request may carry (a batch's, a thread's).
        org.parley.service.errors.JsonLimits.apply(env.getObjectMapper(), org.parley.service.errors.JsonLimits.maxTokens(
                Math.max(config.maxBatchSize, Math.max(config.maxThreadComments, config.moderation.maxThreadComments))));

        // The database before the models (~10 s): one that cannot be opened stops start-up in seconds (an operator's audit,
        // sixty-fourth session: after the models, 14 to 20 s).
        Clock clock = Clock.systemUTC();
        Stores stores = stores(config, env, clock);
        Scoring scoring = scoring(config, loadModels(config));
        // Told by a request's and the health check's lost connection, so that a scrape sees the outage at once.
        QueueGauges queueGauges = new QueueGauges(() -> stores.queues().counts(QueueReads.Narrowing.NONE),
                stores.queues()::waitingSince, clock).register(env.metrics());

        ApiKeys keys = orDevKey(configuredKeys, config.rateLimit.requestsPerSecond);
        requestFilters(config, env, keys);
        RateLimiter limiter = callers(config, env, keys, stores.accounts(), clock);
        errorsAndBodies(config, env, queueGauges::outage);
        scoringEndpoints(config, env, scoring, stores.feedback(), keys, limiter);
        Ingestion ingestion = moderationEndpoints(config, env, scoring, stores, limiter, clock);

        healthChecks(env, scoring.models(), stores.jdbi(), queueGauges::outage);
        adminFilters(env);
        monitoring(config, env, scoring);
        schedule(config, env, stores, queueGauges, ingestion, clock);
        reloadTasks(env, scoring.models());
    }

    /**
     * Dropwizard has set up the config's logging: the erasure lines' logger keeps its own appender, drained at the stop.
     * A second instance on this erasure log stops here, before the models load: two rolling one sites.log lose lines.
     */
    private static ErasureLogLock holdErasureLog(Environment env) {
        ErasureLogLine.keepLogged(ErasureLogLine.LOGGER);
        ErasureLogLock erasureLog = ErasureLogLock.take(ErasureLogLine.LOGGER);
        InterruptedRolls.finish(erasureLog); // a roll of sites.log a kill -9 cut off: none is in progress before the first erasure
        // Managed first, so stopped last (after the connectors): the site's erasure lines its own appender still holds are
        // written before the JVM exits (a config whose erasure log is type file, behind a queue: Dropwizard's stop
        // flushes the root's queues alone; config.yml's erasure-file holds none), and only then is the erasure log let go.
        env.lifecycle().manage(new io.dropwizard.lifecycle.Managed() {
            @Override
            public void stop() {
                org.parley.service.monitoring.LogQueues.drain(ErasureLogLine.LOGGER);
                erasureLog.close();
            }
        });
        // The operator's past months, as scripts/erase compresses them at its start: at this start and then daily.
        env.lifecycle().manage(new PastMonthsCompressor(ErasureLogDirs.of(ErasureLogLine.OPERATOR_LOGGER), Clock.systemUTC()));
        return erasureLog;
    }

    /** The models served, each in a holder that a reload task swaps, with the path it reloads from; and the language profiles. */
    private record Models(ModelHolder toxicity, Path toxicityPath, StanceHolder stance, Path stancePath, Language language) {}

    /**
     * A missing, corrupt or incompatible bundle throws here, naming the file: no half-started service. The stance bundle
     * (likewise) loads on another core meanwhile: its sentence encoder alone takes ~2 s.
     */
    private static Models loadModels(ParleyConfiguration config) {
        Path stancePath = Path.of(config.stanceModel);
        // Said before and after: on a busy machine loading takes a minute or two with nothing else logged, which reads as a hang.
        long loadStart = System.nanoTime();
        LOG.info("loading the models ({} and {}): seconds on an idle machine, a minute or more on a busy one", config.model, stancePath);
        boolean strict = config.strictPipeline;
        CompletableFuture<ServedStance> stanceLoad = CompletableFuture.supplyAsync(() -> loadStance(stancePath, strict));
        CompletableFuture<Language> languageLoad = CompletableFuture.supplyAsync(Language::standard); // ~1 s of profiles
        Path bundlePath = Path.of(config.model);
        ParleyConfiguration.Spans spans = config.spans;
        SpanLexicon lexicon = SpanLexicon.standard();
        ModelHolder models = new ModelHolder(load(bundlePath, spans, lexicon, strict), p -> load(p, spans, lexicon, strict));
        StanceHolder stance = new StanceHolder(joined(stanceLoad), p -> loadStance(p, strict));
        // Requests are the parallelism here: OpenBLAS's own spinning threads would fight them for the
        // cores, and with one thread the span tagger runs each comment's convolution as one product.
        BlasThreads.useOne();
        Language language = joined(languageLoad);
        LOG.info("models loaded in {} s: toxicity {} {}, stance {} {}", String.format(Locale.ROOT, "%.1f",
                        (System.nanoTime() - loadStart) / 1e9), models.current().info().name(), models.current().info().version(),
                stance.current().info().name(), stance.current().info().version());
        return new Models(models, bundlePath, stance, stancePath, language);
    }

    /** What scores a comment: the models, the scorer that applies the policy to them, and the lanes that admit the work. */
    private record Scoring(Models models, CommentScorer scorer, PolicyInputs policyInputs, ScoringGate gate, ScoringGate batchGate) {}

    private static Scoring scoring(ParleyConfiguration config, Models models) {
        PolicyInputs policyInputs = new PolicyInputs();
        CommentScorer scorer = new CommentScorer(models.toxicity(), config.buildPolicy(), models.language()::likelyForeign,
                (float) config.spans.minProbability, policyInputs);
        // Above what the cores serve, requests wait a bounded time for a turn or get a 503; batches and threads in a lane of their own
        // (stored comments too: /v1/comments in the first, /v1/threads in the second).
        return new Scoring(models, scorer, policyInputs, config.overload.gate(), config.overload.batchGate());
    }

    /** The moderation store's database, and what reads and writes it. */
    private record Stores(Jdbi jdbi, CommentStore comments, QueueReads queues, AccountStore accounts, FeedbackStore feedback,
                          LoginThrottle loginThrottle) {}

    /** The database, its schema migrated, and its stores; a first "admin" account when it has none. */
    private Stores stores(ParleyConfiguration config, Environment env, Clock clock) {
        Jdbi jdbi = database(config, env);
        // After the start, not in it: 15 s at 120,000 decisions. Managed after the pool, so stopped (cancelled) before it.
        if (!Database.isPostgreSQL(jdbi)) env.lifecycle().manage(new StrayRowCheck(jdbi, strayRows));
        CommentStore comments = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        AccountStore accounts = new AccountStore(jdbi);
        if (AccountStore.atTestCost()) LOG.warn("-D{}=true: moderator passwords are hashed at bcrypt's least cost, for tests only; "
                + "never set it in production", AccountStore.TEST_MIN_COST);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        firstAdmin(accounts, config.moderation.adminPassword, clock);
        LoginThrottle loginThrottle = loginThrottle(jdbi, () -> {
            io.dropwizard.db.ManagedDataSource own = config.database.build(env.metrics(), "login-buckets");
            env.lifecycle().manage(own);
            return own;
        });
        return new Stores(jdbi, comments, queues, accounts, feedback, loginThrottle);
    }

    /**
     * The methods the server passes on: those some endpoint takes (server.allowedMethods, named in the 405 of any other),
     * and PUT and PATCH, which none takes but a client may well send: Jersey answers them with the path's 405, its
     * {@code Allow} header naming the methods that path takes, where the server's refusal could name none (an integrator's
     * audit, sixty-sixth session). The server is built after run(), so the change holds.
     */
    static java.util.Set<String> passedOn(java.util.Set<String> taken) {
        java.util.Set<String> out = new java.util.TreeSet<>(taken);
        out.addAll(java.util.List.of("PUT", "PATCH"));
        return out;
    }

    /**
     * The application port's filters, in the order they run: Jetty runs each that Dropwizard maps with isMatchAfter false
     * ahead of the rest, the last added first, and the rest in the order added. So: request-ids, cors, concurrency, then
     * refused-bodies, moderator-pages, media-type-headers, and scoring-refusal ({@link #scoringEndpoints}) after them
     * (ParleyApplicationTest.theFiltersOfBothPortsRunInTheirOrder).
     */
    private static void requestFilters(ParleyConfiguration config, Environment env, ApiKeys keys) {
        AbstractServerFactory factory = (AbstractServerFactory) config.getServerFactory();
        java.util.Set<String> methods = java.util.Set.copyOf(factory.getAllowedMethods());
        factory.setAllowedMethods(passedOn(methods));
        // A request over its address's limit is refused before anything reads its body.
        env.servlets().addFilter("concurrency", new ConcurrencyLimit(config.rateLimit.concurrentPerAddress,
                        env.metrics().meter(ConcurrencyLimit.METER)))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // Inside it, ahead of everything that refuses a request before its body's end: the rest is read and dropped
        // (bounded), so the client reads the refusal, not the reset of a socket closed with bytes unread.
        env.servlets().addFilter("refused-bodies", new org.parley.service.errors.RefusedBodies(new BodySizeLimit(config.maxBatchSize).maxBytes()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        // Ahead of that (Jetty puts each filter Dropwizard maps with isMatchAfter false first, so the last added runs
        // first): every answer to an allowed origin carries its headers, the 429 above too, so the page can read it.
        jakarta.servlet.Filter cors = allowCrossOrigin(env, config.corsOriginList());
        env.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(
                new JsonBadMessages(methods, cors, java.util.List.of(CROSS_ORIGIN_PATHS), maxRequestHeaderBytes(config.getServerFactory()))));
        // Next after the ids, before anything reads a parameter: a query Jetty cannot read as UTF-8 is read as Latin-1.
        env.servlets().addFilter("unreadable-queries", new org.parley.service.monitoring.UnreadableQueries())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // Added last with isMatchAfter false, so it runs first: every answer carries its id, the 429 and 503 above too.
        env.servlets().addFilter("request-ids", new RequestIds())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        env.servlets().addFilter("moderator-pages", new ModeratorPageFilter(keys))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/moderate", "/moderate/*");
        // After refused-bodies, which reads the rest of a refused body: the page's files take no PUT or PATCH.
        env.servlets().addFilter("unused-methods", new org.parley.service.errors.UnusedMethods())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/moderate/*");
        // An Accept or Content-Type Jersey cannot parse: a 400 naming the header, before Jersey's bare one (after the CORS filter).
        env.servlets().addFilter("media-type-headers", new org.parley.service.errors.MediaTypeHeaders(env.getObjectMapper()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
    }

    /**
     * Who calls: an API key or a moderator's session (its cookie), and the role a resource needs; the answers' headers.
     *
     * @return the limits per key and per address, which the scoring and thread endpoints charge too
     */
    private static RateLimiter callers(ParleyConfiguration config, Environment env, ApiKeys keys, AccountStore accounts, Clock clock) {
        RateLimiter limiter = new RateLimiter(config.rateLimit.burstSeconds, config.rateLimit.requestsPerSecond,
                config.rateLimit.bytesPerToken, config.rateLimit.failedAuthPerMinute, config.rateLimit.scorerPerAddress);
        env.jersey().register(new AuthDynamicFeature(new ApiKeyAuthFilter(keys,
                token -> accounts.session(token, clock.instant())
                        .map(s -> new ModeratorSession(s.account().username(), s.account().role(), s.account().sites(), s.expiresAt())),
                SessionCookie.of(config.moderation.secureCookies), limiter)));
        env.jersey().register(RolesAllowedDynamicFeature.class);
        env.jersey().register(new BodyCharge.Refund());
        env.jersey().register(new NoSniff());
        env.jersey().register(new org.parley.service.auth.PageModerator());
        env.jersey().register(new PrivateAnswers());
        env.jersey().register(new AnswerCharset());
        return limiter;
    }

    /** /v1/score and its thread, Perspective's endpoints and its HTTP batch, the admin's model endpoint and the documents. */
    private static void scoringEndpoints(ParleyConfiguration config, Environment env, Scoring scoring, FeedbackStore feedback,
                                         ApiKeys keys, RateLimiter limiter) {
        ModelHolder models = scoring.models().toxicity();
        StanceHolder stance = scoring.models().stance();
        ScoringGate gate = scoring.gate();
        ScoringGate batchGate = scoring.batchGate();
        SentimentHolder sentiment = SentimentHolder.coreNlp();
        // After the CORS and per-address filters (isMatchAfter): a lane that is full refuses before Jersey reads the body.
        org.parley.service.core.Refusal refusal = new org.parley.service.core.Refusal(gate, batchGate, env.getObjectMapper());
        env.servlets().addFilter("scoring-refusal", refusal)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/v1/score", "/v1/score/*", "/v1alpha1/*");
        gaugeLanes(env, gate, batchGate);
        env.jersey().register(new ScoreResource(scoring.scorer(), env.getObjectMapper(), config.maxBatchSize, stance, sentiment, limiter,
                gate, batchGate));
        env.jersey().register(new ScoreThreadResource(scoring.scorer(), stance, ThreadTargets.coreNlp(), sentiment, config.maxThreadComments,
                limiter, batchGate));
        env.jersey().register(new PerspectiveResource(models, feedback, scoring.models().language(), gate));
        env.jersey().register(new AdminResource(models, stance, scoring.scorer()));
        env.jersey().register(new OpenApiResource());
        Optional<String> publicRoot = config.publicRoot();
        env.jersey().register(new DiscoveryResource(publicRoot));
        // Google's HTTP batch (the discovery document's batchPath): each part through Jersey as if sent alone, at most
        // maxBatchSize parts in a body no larger than any endpoint's; /batch/ too, as Jersey serves /v1/score/ as /v1/score.
        env.servlets().addServlet("perspective-batch", new BatchServlet(env::getJerseyServletContainer, refusal,
                env.getObjectMapper(), token -> keys.find(token).map(org.parley.service.auth.ApiKey::site),
                new BodySizeLimit(config.maxBatchSize).maxBytes(), config.maxBatchSize, publicRoot)).addMapping("/batch", "/batch/");
        if (publicRoot.isEmpty()) LOG.info("publicUrl (PARLEY_PUBLIC_URL) is not set: the discovery document's "
                + "rootUrl is taken from each request's Host header. Set it behind a proxy or a shared cache.");
    }

    /** A site's stored comments and threads, the moderators' queue and their sessions; returns what stores the comments. */
    private static Ingestion moderationEndpoints(ParleyConfiguration config, Environment env, Scoring scoring, Stores stores,
                                            RateLimiter limiter, Clock clock) {
        CommentViews views = new CommentViews(env.getObjectMapper());
        Ingestion ingestion = new Ingestion(scoring.scorer(), scoring.models().stance()::current, stores.comments(),
                env.getObjectMapper(), clock, scoring.gate(), scoring.batchGate());
        EscalationRule escalations = EscalationRule.parse(config.moderation.escalationRole);
        env.jersey().register(new CommentsResource(ingestion, stores.comments(), views, escalations, clock));
        env.jersey().register(new ThreadsResource(ingestion, views, config.moderation.maxThreadComments, limiter));
        env.jersey().register(new QueueResource(stores.comments(), stores.queues(), views, escalations, clock));
        env.jersey().register(new org.parley.service.resources.ChangesResource(new org.parley.service.store.SiteChanges(stores.jdbi()), clock));
        env.jersey().register(new SessionResource(stores.accounts(), Duration.ofMinutes(config.moderation.sessionMinutes),
                SessionCookie.of(config.moderation.secureCookies), escalations, clock, stores.loginThrottle(),
                config.moderation.pollSeconds));
        return ingestion;
    }

    /** The admin port's filters: request-ids runs first (isMatchAfter false), then unreadable-queries, then admin-requests. */
    private static void adminFilters(Environment env) {
        env.admin().addFilter("unused-methods", new org.parley.service.errors.UnusedMethods())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        env.admin().addFilter("admin-requests", new AdminRequestFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        // As on the main port: /healthcheck?x=%zz was a 400 and a WARN line (a seventh penetration test).
        env.admin().addFilter("unreadable-queries", new org.parley.service.monitoring.UnreadableQueries())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // The admin port writes the same request log: its lines have an id too (a task's log lines with it).
        env.admin().addFilter("request-ids", new RequestIds())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
    }

    /** For a scraper: the metrics in Prometheus's text format; the request log's lines dropped above capacity; the erasure log's room. */
    private static void monitoring(ParleyConfiguration config, Environment env, Scoring scoring) {
        ModelHolder models = scoring.models().toxicity();
        StanceHolder stance = scoring.models().stance();
        EndpointLatency latency = new EndpointLatency();
        env.jersey().register(latency);
        PrometheusEndpoint.register(env.metrics(), env.admin(), latency.histogram(), scoring.policyInputs(), new ServedModels(Map.of(
                "toxicity", () -> models.current().info(), "stance", () -> stance.current().info())),
                new ServedPipelines(Map.of("toxicity", () -> models.current().textPipeline(),
                        "stance", () -> stance.current().textPipeline(), "spanTagger", () -> models.current().taggerTextPipeline())),
                org.parley.service.monitoring.BuildInfo.ofThisRelease());
        DroppedLines.count(((AbstractServerFactory) config.getServerFactory()).getRequestLogFactory(), env.metrics());
        ErasureLogRoomGauge.register(env.metrics(), ErasureLogLine.LOGGER);
    }

    /** The model's health check, under /healthcheck beside the database's and the erasure log's, and alone under /healthcheck/scoring. */
    private static void healthChecks(Environment env, Models loaded, Jdbi jdbi, Runnable onDatabaseUnhealthy) {
        env.healthChecks().register("database", new DatabaseHealthCheck(jdbi, Duration.ofSeconds(3), onDatabaseUnhealthy));
        ModelHealthCheck modelCheck = new ModelHealthCheck(loaded.toxicity(), loaded.stance());
        env.healthChecks().register("model", modelCheck);
        // Before the sites' 503s: a DELETE is refused while the erasure log has no room (not a check of scoring's).
        env.healthChecks().register("erasure-log", new ErasureLogHealthCheck(ErasureLogLine.LOGGER));
        // Scoring needs no database: a load balancer in front of it polls this, which a database outage leaves
        // healthy, where /healthcheck (model and database) turns 500.
        com.codahale.metrics.health.HealthCheckRegistry scoringChecks = new com.codahale.metrics.health.HealthCheckRegistry();
        scoringChecks.register("model", modelCheck);
        env.admin().addServlet("scoring-health", new io.dropwizard.metrics.servlets.HealthCheckServlet(scoringChecks))
                .addMapping("/healthcheck/scoring");
    }

    /** The admin tasks that reload a bundle from its path without dropping requests. */
    private static void reloadTasks(Environment env, Models loaded) {
        // Tasks, so that GET /tasks and the start-up log list them; each answered by its servlet at the exact
        // path, which wins over the task servlet's /tasks/* (a refused bundle is a JSON 400, not its 500).
        for (ReloadTask<?> task : java.util.List.of(
                new ReloadTask<>("reload-model", loaded.toxicity(), loaded.toxicityPath(), ServedModel::info, env.getObjectMapper()),
                new ReloadTask<>("reload-stance-model", loaded.stance(), loaded.stancePath(), ServedStance::info, env.getObjectMapper()))) {
            env.admin().addTask(task);
            env.admin().addServlet(task.getName(), new ReloadServlet<>(task, env.getObjectMapper())).addMapping("/tasks/" + task.getName());
        }
    }

    /** The moderation store's database, its schema brought up to date before anything is served. */
    private static Jdbi database(ParleyConfiguration config, Environment env) {
        config.database.setUrl(ParleyConfiguration.durable(config.database.getUrl(), config.database.getUser()));
        ParleyConfiguration.bounded(config.database);
        io.dropwizard.db.ManagedDataSource dataSource = config.database.build(env.metrics(), "database");
        Jdbi jdbi = new JdbiFactory().build(env, config.database, dataSource, "database");
        // Dropwizard's says "Unable to successfully check" whatever the cause: ours is registered by healthChecks()
        env.healthChecks().unregister("database");
        try {
            Database.migrate(jdbi, config.migrationLockTimeout.toJavaDuration());
        } catch (org.jdbi.v3.core.ConnectionException e) { // one line, not the pool's and the driver's nested traces
            throw Database.cannotOpen(config.database.getUrl(), config.database.getUser(), e);
        }
        // durable() adds WRITE_DELAY=0 for H2's default user only; any other URL must set it itself.
        Database.diskWriteDelay(jdbi).ifPresent(ms -> {
            if (ms > 0) LOG.error("H2 commits reach the disk {} ms after they are acknowledged (WRITE_DELAY): a crash loses "
                    + "them. Add ;WRITE_DELAY=0 to the database URL (as the database's admin user).", ms);
        });
        return jdbi;
    }

    /** Our exception mappers instead of Dropwizard's, and what reads a request's body (its size, coding and UTF-8). */
    private static void errorsAndBodies(ParleyConfiguration config, Environment env, Runnable onConnectionLost) {
        // Our mappers instead of Dropwizard's: errors name the field and never quote the comment.
        ((AbstractServerFactory) config.getServerFactory()).setRegisterDefaultExceptionMappers(false);
        env.jersey().register(new ApiExceptionMapper());
        env.jersey().register(new JsonExceptionMapper());
        env.jersey().register(new WebApplicationExceptionMapper());
        env.jersey().register(new org.parley.service.auth.RoleRefusalMapper());
        env.jersey().register(new UnexpectedExceptionMapper());
        env.jersey().register(new DatabaseExceptionMapper(onConnectionLost));
        env.jersey().register(new BodySizeLimit(config.maxBatchSize));
        env.jersey().register(new StrictUtf8());
        // A 415 or 406 is refused before a resource method is chosen, where Dropwizard's per-method meters look.
        env.jersey().register(new org.parley.service.errors.MediaTypeRefusalMeters(env.metrics()));
        env.jersey().register(new org.parley.service.errors.ZeroWeightAccept());  // a 406 Jersey does not give
        env.jersey().register(new org.parley.service.errors.PathUtf8());
        // Content-Encoding: what Jetty inflates (gzip, when server.gzip is on) is read, any other coding refused.
        io.dropwizard.jetty.GzipHandlerFactory gzip = ((AbstractServerFactory) config.getServerFactory()).getGzipFilterFactory();
        env.jersey().register(new BodyEncoding(gzip.isEnabled() && gzip.getBufferSize().toBytes() > 0));
        env.jersey().register(new org.parley.service.resources.EncodedColons());
        env.jersey().register(new org.parley.service.resources.PerspectiveBodies());
    }

    /** The scoring lanes' turns, units and refusals, for the metrics and Prometheus. */
    private static void gaugeLanes(Environment env, ScoringGate gate, ScoringGate batchGate) {
        env.metrics().register("parley.scoring.admitted", (com.codahale.metrics.Gauge<Integer>) gate::admitted);
        env.metrics().register("parley.scoring.refused", gate.refusals());
        env.metrics().register("parley.scoring.units", (com.codahale.metrics.Gauge<Integer>) gate::unitsHeld);
        env.metrics().register("parley.scoring.batch.admitted", (com.codahale.metrics.Gauge<Integer>) batchGate::admitted);
        env.metrics().register("parley.scoring.batch.units", (com.codahale.metrics.Gauge<Integer>) batchGate::unitsHeld);
        env.metrics().register("parley.scoring.batch.refused", batchGate.refusals());
    }

    /**
     * The jobs that run on a timer: the queue's gauges, the log-in throttle's clean-up, the sweep for unread reply stances
     * and the retention (also a task).
     */
    private static void schedule(ParleyConfiguration config, Environment env, Stores stores, QueueGauges queueGauges,
                                 Ingestion ingestion, Clock clock) {
        Jdbi jdbi = stores.jdbi();
        LoginThrottle loginThrottle = stores.loginThrottle();
        // Every tick: it counts every 30 s, and at each tick once a count failed (back within a tick of the database).
        env.lifecycle().scheduledExecutorService("queue-gauges").build()
                .scheduleWithFixedDelay(queueGauges, 0, QueueGauges.TICK_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        env.lifecycle().scheduledExecutorService("login-buckets").build().scheduleWithFixedDelay(() -> {
            try {
                loginThrottle.removeExpired();
            } catch (RuntimeException e) { // an outage: the next round deletes them; an exception would end the schedule
                LOG.warn("could not delete the log-in throttle's refilled buckets: {}", e.getMessage());
            }
        }, LoginThrottle.PER.toMinutes(), LoginThrottle.PER.toMinutes(), java.util.concurrent.TimeUnit.MINUTES);
        long sweepEvery = ReplySweep.EVERY.toSeconds();
        env.lifecycle().scheduledExecutorService("reply-sweep").build().scheduleWithFixedDelay(
                new ReplySweep(ingestion, stores.comments(), clock), sweepEvery, sweepEvery,
                java.util.concurrent.TimeUnit.SECONDS);
        // Each instance runs the retention; SKIP LOCKED keeps their batches apart (store.Retention).
        org.parley.service.store.Retention kept = config.retention.build(jdbi);
        RetentionTask retention = new RetentionTask(kept, clock, env.metrics(), env.getObjectMapper());
        env.admin().addTask(retention);
        if (kept.on())
            env.lifecycle().scheduledExecutorService("retention").build().scheduleWithFixedDelay(retention, 60,
                    config.retention.every.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        else LOG.info("retention is off (retention.unreviewedDays and reviewedDays are 0): comments are kept for good");
    }

    /**
     * On PostgreSQL the log-in throttle's buckets are the database's, so that every instance on it counts against one
     * budget (docs/scoring-api.md, Several instances); H2's single instance keeps them in memory. Bucket4j gets a pool of
     * its own ({@code ownPool}, made only then): it sets autoCommit false on each connection it borrows and never sets it
     * back, and on the store's pool the next requests on that connection ran inside a transaction ("current
     * transaction is aborted" after a unique violation: 500s, and writes at risk of never being committed).
     */
    static LoginThrottle loginThrottle(Jdbi jdbi, java.util.function.Supplier<javax.sql.DataSource> ownPool) {
        return Database.isPostgreSQL(jdbi)
                ? LoginThrottle.shared(LoginThrottle.ATTEMPTS, LoginThrottle.PER, ownPool.get())
                : new LoginThrottle(LoginThrottle.ATTEMPTS, LoginThrottle.PER);
    }

    /**
     * The scoring endpoints a site's page may call from the browser (CORS), with its key: nothing else. By prefix, as
     * Jersey answers /v1/score/ as /v1/score, and a page's typo there should read its JSON 404. The moderator
     * page and API (/moderate/, /v1/queue, /v1/session, decisions) take a session cookie, and the comment store
     * (/v1/comments, /v1/threads) is for a site's server: they stay same-origin.
     */
    static final String[] CROSS_ORIGIN_PATHS = {"/v1/score", "/v1/score/*", "/v1alpha1/*",
            // Google's JS client builds itself in the page from the discovery document (GET, no key).
            "/$discovery/rest", "/discovery/v1/apis/commentanalyzer/v1alpha1/rest"};

    /** What the first application connector reads of a request's line and headers (its 431 names it); 0 if not an HTTP connector. */
    private static long maxRequestHeaderBytes(io.dropwizard.core.server.ServerFactory server) {
        if (server instanceof io.dropwizard.core.server.DefaultServerFactory f && !f.getApplicationConnectors().isEmpty()
                && f.getApplicationConnectors().get(0) instanceof io.dropwizard.jetty.HttpConnectorFactory http)
            return http.getMaxRequestHeaderSize().toBytes();
        return 0;
    }

    /**
     * Jetty's CrossOriginFilter on {@link #CROSS_ORIGIN_PATHS} for the configured origins, compared exactly; none: no
     * filter, and no CORS header anywhere. It answers a preflight itself (a browser sends no key with one, so it must
     * not reach the key check); the request that follows needs its key as any other. No credentials: a page sends its
     * key in a header, and a moderator's session cookie must not ride along from another site.
     *
     * @return the filter, or null with no origins
     */
    static jakarta.servlet.Filter allowCrossOrigin(Environment env, java.util.List<String> origins) {
        if (origins.isEmpty()) return null;
        CrossOriginFilter filter = new CrossOriginFilter();  // also lends its headers to the 503 of a stopping service
        FilterRegistration.Dynamic cors = env.servlets().addFilter("cors", filter);
        cors.setInitParameter(CrossOriginFilter.ALLOWED_ORIGINS_PARAM, String.join(",", origins));
        cors.setInitParameter(CrossOriginFilter.ALLOWED_METHODS_PARAM, "GET,POST");
        cors.setInitParameter(CrossOriginFilter.ALLOWED_HEADERS_PARAM,
                "Authorization,Content-Type," + ApiKeyAuthFilter.GOOGLE_KEY_HEADER + "," + RequestIds.HEADER);
        cors.setInitParameter(CrossOriginFilter.EXPOSED_HEADERS_PARAM, "Retry-After," + RequestIds.HEADER);
        cors.setInitParameter(CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "false");
        cors.setInitParameter(CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false");
        cors.addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, CROSS_ORIGIN_PATHS);
        LOG.info("CORS: pages from {} may call {}", origins, String.join(", ", CROSS_ORIGIN_PATHS));
        return filter;
    }

    /** @param strictPipeline refuse a bundle whose text-pipeline check does not hold ({@link #checked}) */
    static ServedModel load(Path bundlePath, ParleyConfiguration.Spans spans, SpanLexicon lexicon, boolean strictPipeline) {
        ModelBundle bundle = ModelBundle.load(bundlePath);
        PipelineCheck textPipeline = checked(PipelineCheck.of(bundlePath, bundle.provenance(), TextPipeline.standard(), true), strictPipeline);
        ToxicityModel model = new ToxicityModel(bundle, TextPipeline.standard(), 1);  // the Java forward pass is thread-safe
        SpanTagger tagger = spans.tagger ? SpanTagger.standard(lexicon) : null;
        // Its network reads the pipeline's tokens too; the shipped one predates the check (and its provenance, the commit: ab849cb).
        PipelineCheck taggerPipeline = tagger == null ? null : checked(PipelineCheck.of(Path.of("span-tagger.zip (classifier jar)"),
                taggerProvenance(tagger), TextPipeline.standard(), false), strictPipeline);
        // With the tagger, its fallback word replaces the explainer's.
        SpanExplainer explainer = new SpanExplainer(model, TextPipeline.standard(), spans.threshold, lexicon,
                spans.lexiconThreshold, tagger == null ? spans.fallbackMix : Double.NaN);
        SpanStacker stacker = tagger != null && spans.stacker ? SpanStacker.standard() : null;
        TaggedExplainer spanner = tagger == null ? TaggedExplainer.explainerOnly(explainer)
                : stacker != null ? TaggedExplainer.stacked(explainer, tagger, stacker)
                : new TaggedExplainer(explainer, tagger,
                        new SpanCombination(spans.taggerThreshold, spans.taggerUnion, spans.taggerFallback, false));
        return new ServedModel(model, spanner,
                new ModelInfo(bundle.name(), bundle.version(), bundle.checksum()), textPipeline, taggerPipeline);
    }

    /** The span tagger's provenance.json, kept as the text it was read as. */
    private static com.fasterxml.jackson.databind.JsonNode taggerProvenance(SpanTagger tagger) {
        try {
            return new ObjectMapper().readTree(tagger.provenance());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the span tagger's provenance.json is not JSON: " + e.getMessage(), e);
        }
    }

    /**
     * A bundle read through a text pipeline that may differ from the one it was trained with (its recorded probe readings
     * differ, or it records none) is logged at WARN, naming it, how many probes differ and one; refused where strict
     * (strictPipeline: true), at the start as at a reload. The check is kept with the bundle it was made for
     * (GET /v1/admin/model, the health check's message).
     */
    static PipelineCheck checked(PipelineCheck check, boolean strict) {
        check.enforce(strict, "strictPipeline: true");
        if (check.warns()) LOG.warn("text pipeline: {}", check.message());
        else LOG.info("text pipeline: {}", check.message());
        return check;
    }

    /** The loaded value, or the loader's own exception (which names the file), not a CompletionException around it. */
    static <T> T joined(CompletableFuture<T> load) {
        try {
            return load.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** The checksum is the SHA-256 of the bundle file, so two deployments can tell they serve the same one. */
    static ServedStance loadStance(Path bundlePath, boolean strictPipeline) {
        StanceModel model = StanceBundle.load(bundlePath, TextPipeline.standard());
        PipelineCheck textPipeline = checked(PipelineCheck.of(bundlePath, model.provenance(), TextPipeline.standard(), false), strictPipeline);
        return new ServedStance(model, new ModelInfo(model.name(), model.version(), model.checksum()), textPipeline);
    }

    /**
     * A number where a string belongs (or "true" where a boolean does) is an error, not a guess:
     * a client that sends {"text": 5} has a bug it should hear about.
     */
    static void strictJson(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT); // "commentNumber": 3.5 is not comment 3
        // A misspelt field ("atributes") would otherwise be ignored silently; Perspective bodies opt out.
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // {"TOXICITY": {}, "TOXICITY": {"scoreThreshold": 0.99}} would otherwise keep the last silently.
        mapper.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.registerModule(UnstorableCharacters.module());
        // Perspective's bodies as a proto3 parser reads them: requestedAttributes and requested_attributes in one body is an error.
        mapper.registerModule(org.parley.service.api.perspective.Proto3Json.module());
        // No string can outgrow the body, which BodySizeLimit bounds (413, 27,479,936 bytes by default). Jackson's
        // own string limit, 20,000,000 characters, came first: a too-large body was a 400 naming that limit, and a
        // smaller one with a long text was not told the field's own (20,480).
        mapper.getFactory().setStreamReadConstraints(
                mapper.getFactory().streamReadConstraints().rebuild().maxStringLength(Integer.MAX_VALUE).build());
    }

    /**
     * With no moderator accounts, a first run still has a way in: an "admin" account with the
     * configured password, or a random one that is printed (like the dev key).
     */
    private static void firstAdmin(AccountStore accounts, String configured, Clock clock) {
        if (!accounts.isEmpty()) return;
        boolean random = configured == null || configured.isEmpty();
        String password = random ? AccountStore.randomPassword() : configured;
        // Two instances starting on one empty database: the second finds "admin" taken and prints nothing.
        if (!accounts.create("admin", password.toCharArray(), Role.ADMIN, clock.instant())) return;
        if (random) {
            LOG.warn("No moderator accounts: made 'admin' with a random password, printed as PARLEY_DEV_LOGIN. "
                    + "Add accounts with scripts/add-moderator.");
            System.out.println("PARLEY_DEV_LOGIN=admin:" + password);
        }
    }

    /** With no keys configured, a first run still works: one admin key is made and printed. */
    private static ApiKeys orDevKey(ApiKeys keys, int requestsPerSecond) {
        if (!keys.isEmpty()) return keys;
        ApiKeys dev = ApiKeys.devKey(requestsPerSecond);
        ApiKey key = dev.all().iterator().next();
        String banner = "No API keys configured (apiKeys / PARLEY_API_KEYS): this run accepts the dev key "
                + key.key() + " (role admin). It changes at every start; set PARLEY_API_KEYS for fixed keys.";
        LOG.warn(banner);
        System.out.println("PARLEY_DEV_KEY=" + key.key());
        return dev;
    }
}
