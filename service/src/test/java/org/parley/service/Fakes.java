package org.parley.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.junit5.ResourceExtension;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.parley.explain.SpanExplainer;
import org.parley.explain.TaggedExplainer;
import org.parley.label.Attribute;
import org.parley.policy.Policy;
import org.parley.score.Scorer;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.ApiKeys;
import org.parley.service.auth.RateLimiter;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ServedModel;
import org.parley.service.core.SentimentHolder;
import org.parley.service.core.ServedStance;
import org.parley.service.core.StanceHolder;
import org.parley.service.core.ThreadTargets;
import org.parley.service.errors.ApiExceptionMapper;
import org.parley.service.errors.BodySizeLimit;
import org.parley.service.errors.JsonExceptionMapper;
import org.parley.service.errors.UnexpectedExceptionMapper;
import org.parley.service.errors.WebApplicationExceptionMapper;
import org.parley.service.monitoring.PolicyInputs;
import org.parley.service.resources.AdminResource;
import org.parley.service.resources.OpenApiResource;
import org.parley.service.resources.PerspectiveResource;
import org.parley.service.resources.ScoreResource;
import org.parley.service.resources.ScoreThreadResource;
import org.parley.targets.CandidateTarget;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.CommentThread;
import org.parley.service.store.Database;
import org.parley.service.store.FeedbackStore;
import org.parley.stance.ReplyStanceScore;
import org.parley.stance.StanceLimits;
import org.parley.stance.StanceModel;
import org.parley.stance.TargetStance;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;
import org.parley.sentiment.Sentiment;
import org.parley.text.TextPipeline;
import org.jdbi.v3.core.Jdbi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A fake model and the service's resources wired around it, as ParleyApplication.run wires them. */
public final class Fakes {
    public static final String WEBSITE_KEY = "website-key-1";
    public static final String MODERATOR_KEY = "moderator-key-1";
    public static final String ADMIN_KEY = "admin-key-1";
    /** Scoring only: the key a site publishes in its pages. */
    public static final String SCORER_KEY = "scorer-key-1";
    /** One request per second, two seconds of burst: the third quick request is refused. */
    public static final String SLOW_KEY = "slow-key-12";
    public static final String KEYS = WEBSITE_KEY + ":website," + MODERATOR_KEY + ":moderator," + ADMIN_KEY + ":admin," + SLOW_KEY + ":website:1,"
            + SCORER_KEY + ":scorer";
    public static final int MAX_BATCH = 3;
    public static final int MAX_THREAD = 40;

    private Fakes() {}

    /**
     * A Mockito scorer: "idiot" drives TOXICITY (0.95) and INSULT (0.9), "kill" drives THREAT
     * (0.8); anything else scores 0.02.
     */
    public static Scorer scorer() {
        Scorer s = mock(Scorer.class);
        when(s.name()).thenReturn("fake");
        when(s.score(anyList())).thenAnswer(call -> {
            List<String> texts = call.getArgument(0);
            float[][] out = new float[texts.size()][];
            for (int i = 0; i < out.length; i++) out[i] = probabilities(texts.get(i));
            return out;
        });
        // A mock answers default methods with null too: occlusion variants and pre-tokenised texts go through score() as strings.
        when(s.scoreVariants(anyList())).thenCallRealMethod();
        when(s.score(anyList(), any(), anyList())).thenCallRealMethod();
        return s;
    }

    public static float[] probabilities(String text) {
        String t = text.toLowerCase(java.util.Locale.ROOT);
        float[] p = new float[Attribute.COUNT];
        java.util.Arrays.fill(p, 0.02f);
        if (t.contains("idiot")) {
            p[Attribute.TOXICITY.ordinal()] = 0.95f;
            p[Attribute.INSULT.ordinal()] = 0.9f;
        }
        if (t.contains("kill")) p[Attribute.THREAT.ordinal()] = 0.8f;
        return p;
    }

    /**
     * A Mockito stance model: a comment with "bomb" is AGAINST every target (0.7), else NONE (0.6);
     * a reply ending in "?" QUERYs its parent (0.8), else COMMENTs (0.5).
     */
    public static StanceModel stance() {
        StanceModel m = mock(StanceModel.class);
        when(m.name()).thenReturn("fake-stance");
        when(m.version()).thenReturn("1");
        when(m.checksum()).thenReturn("stance-checksum-1");
        when(m.stance(anyString(), anyList())).thenAnswer(call -> fakeStance(call.getArgument(0), call.getArgument(1)));
        when(m.stance(anyList(), anyList())).thenAnswer(call -> {
            List<String> texts = call.getArgument(0), targets = call.getArgument(1);
            return texts.stream().map(text -> fakeStance(text, targets)).toList();
        });
        when(m.replyStance(anyString(), anyString())).thenAnswer(call -> {
            String text = call.getArgument(0);
            ReplyStance label = text.endsWith("?") ? ReplyStance.QUERY : ReplyStance.COMMENT;
            double top = label == ReplyStance.QUERY ? 0.8 : 0.5;
            Map<ReplyStance, Double> p = new EnumMap<>(ReplyStance.class);
            for (ReplyStance s : ReplyStance.values()) p.put(s, s == label ? top : (1 - top) / 3);
            return new ReplyStanceScore(label, p);
        });
        return m;
    }

    private static List<TargetStance> fakeStance(String text, List<String> targets) {
        Stance label = text.contains("bomb") ? Stance.AGAINST : Stance.NONE;
        List<TargetStance> out = new ArrayList<>();
        for (String t : targets) {
            Map<Stance, Double> p = new EnumMap<>(Stance.class);
            for (Stance s : Stance.values()) p.put(s, s == label ? (label == Stance.AGAINST ? 0.7 : 0.6) : (label == Stance.AGAINST ? 0.15 : 0.2));
            out.add(new TargetStance(StanceLimits.phrase(t), label, p));  // as the real model names it
        }
        return out;
    }

    /** How many comments the fake sentiment analyser has read: a test can check it reads none unasked. */
    public static final java.util.concurrent.atomic.AtomicInteger SENTIMENT_CALLS = new java.util.concurrent.atomic.AtomicInteger();

    /** A fake SENTIMENT analyser: a comment with "love" is POSITIVE (0.7), one with "unreadable" is read as nothing, anything else NEUTRAL (0.6). */
    public static SentimentHolder sentiment() {
        return new SentimentHolder(() -> text -> {
            SENTIMENT_CALLS.incrementAndGet();
            if (text.contains("unreadable")) return Sentiment.unread();
            Sentiment.Label label = text.contains("love") ? Sentiment.Label.POSITIVE : Sentiment.Label.NEUTRAL;
            double top = label == Sentiment.Label.POSITIVE ? 0.7 : 0.6;
            Map<Sentiment.Label, Double> p = new EnumMap<>(Sentiment.Label.class);
            for (Sentiment.Label l : Sentiment.Label.values()) p.put(l, l == label ? top : (1 - top) / 4);
            return new Sentiment(label, p, 1);
        });
    }

    public static StanceHolder stanceHolder(StanceModel stance) {
        return new StanceHolder(served(stance), p -> { throw new UnsupportedOperationException(); });
    }

    /** The stance model as the service serves it, named fake-stance 1. */
    public static ServedStance served(StanceModel stance) {
        return new ServedStance(stance, new ModelInfo("fake-stance", "1", "stance-checksum-1"), pipelineSame("fake-stance.zip"));
    }

    /**
     * Finds, in any article, Syria, Barack Obama, Vladimir Putin and UK, then the issues "military
     * action" and "chemical weapons", as TargetFinder lists them (names first, most mentioned first).
     */
    public static ThreadTargets targets() {
        return new ThreadTargets(article -> List.of(
                new CandidateTarget("Syria", CandidateTarget.Kind.LOCATION, 9),
                new CandidateTarget("Barack Obama", CandidateTarget.Kind.PERSON, 5),
                new CandidateTarget("Vladimir Putin", CandidateTarget.Kind.PERSON, 4),
                new CandidateTarget("UK", CandidateTarget.Kind.LOCATION, 2),
                new CandidateTarget("military action", CandidateTarget.Kind.ISSUE, 4),
                new CandidateTarget("chemical weapons", CandidateTarget.Kind.ISSUE, 3)));
    }

    /** Seed 001, the BBC Syria comment page, as BbcCommentPageParser reads it. */
    public static CommentThread seedThread() throws java.io.IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seed = dir.resolve("seeds/001_ebaeb092d28a86a2.txt");
            if (java.nio.file.Files.exists(seed)) return BbcCommentPageParser.parse("001_ebaeb092d28a86a2", java.nio.file.Files.readString(seed));
        }
        throw new IllegalStateException("seeds/ not found");
    }

    /** {@link #served(Scorer, String)} in a holder that refuses a reload: these tests never ask for one. */
    public static ModelHolder modelHolder(Scorer scorer, String version) {
        return new ModelHolder(served(scorer, version), p -> { throw new UnsupportedOperationException(); });
    }

    /** The service's scorer over these models: the standard policy, {@link #foreign} as the language check. */
    public static CommentScorer commentScorer(ModelHolder models) {
        return new CommentScorer(models, Policy.standard(), Fakes::foreign, 0.5f, new PolicyInputs());
    }

    public static ServedModel served(Scorer scorer, String version) {
        return new ServedModel(scorer, TaggedExplainer.explainerOnly(new SpanExplainer(scorer, TextPipeline.standard(), 1.0)),
                new ModelInfo("fake", version, "checksum-" + version), pipelineSame("fake.zip"), null);
    }

    /** A text-pipeline check that found {@code bundle}'s 32 probes read as at training (commit fake-commit). */
    public static org.parley.model.PipelineCheck pipelineSame(String bundle) {
        return new org.parley.model.PipelineCheck(Path.of(bundle), org.parley.model.PipelineCheck.Status.SAME, "fake-commit", 32, 0,
                null, "0".repeat(64), null);
    }

    public static ObjectMapper mapper() {
        ObjectMapper m = Jackson.newObjectMapper();
        ParleyApplication.strictJson(m);
        return m;
    }

    /** Suggested scores in an in-memory H2 database named after {@code dir}: the same dir, the same database. */
    public static FeedbackStore feedback(Path dir) {
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:feedback-" + Integer.toHexString(dir.toAbsolutePath().hashCode())
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH", "sa", "");
        Database.migrate(jdbi);
        return new FeedbackStore(jdbi);
    }

    /** A resource test's builder: our JSON rules, auth, roles and error mappers, as ParleyApplication registers them. */
    public static ResourceExtension.Builder builder(ObjectMapper json, ApiKeyAuthFilter auth) {
        return builder(json, auth, () -> {});
    }

    /** @param onConnectionLost told, as the queue gauges are, when a request finds the database gone */
    public static ResourceExtension.Builder builder(ObjectMapper json, ApiKeyAuthFilter auth, Runnable onConnectionLost) {
        return ResourceExtension.builder()
                .setMapper(json)
                .setRegisterDefaultExceptionMappers(false)
                .addProvider(new AuthDynamicFeature(auth))
                .addProvider(RolesAllowedDynamicFeature.class)
                .addProvider(new org.parley.service.auth.BodyCharge.Refund())
                .addProvider(new org.parley.service.auth.PrivateAnswers())
                .addProvider(new org.parley.service.auth.PageModerator())
                .addProvider(new org.parley.service.errors.AnswerCharset())
                .addProvider(new org.parley.service.errors.ZeroWeightAccept())
                .addProvider(new org.parley.service.errors.PathUtf8())
                .addProvider(new org.parley.service.errors.BodyEncoding(true))
                .addProvider(new org.parley.service.resources.EncodedColons())
                .addProvider(new org.parley.service.resources.PerspectiveBodies())
                .addProvider(new ApiExceptionMapper())
                .addProvider(new JsonExceptionMapper())
                .addProvider(new WebApplicationExceptionMapper())
                .addProvider(new org.parley.service.auth.RoleRefusalMapper())
                .addProvider(new UnexpectedExceptionMapper())
                .addProvider(new org.parley.service.errors.DatabaseExceptionMapper(onConnectionLost));
    }

    /** The real detector: it is small, and a fake one would test nothing about the refusals. */
    private static final org.parley.text.Language LANGUAGE = org.parley.text.Language.standard();

    /** The scorers' test of a comment's language: the real one, as the application passes it. */
    public static java.util.Optional<org.parley.text.Language.Guess> foreign(String text) {
        return LANGUAGE.likelyForeign(text);
    }

    /** The resources over a fake model, with auth, roles, rate limits and the error mappers. */
    public static ResourceExtension resources(ModelHolder models, Path feedbackDir) {
        return resources(models, feedbackDir, stance());
    }

    public static ResourceExtension resources(ModelHolder models, Path feedbackDir, StanceModel stance) {
        ObjectMapper json = mapper();
        CommentScorer scorer = commentScorer(models);
        return builder(json, new ApiKeyAuthFilter(ApiKeys.parse(KEYS, 1000), new RateLimiter(2, 1000)))
                .addProvider(new BodySizeLimit(MAX_BATCH))
                .addProvider(new org.parley.service.errors.StrictUtf8())
                .addResource(new ScoreResource(scorer, json, MAX_BATCH, stanceHolder(stance), sentiment()))
                .addResource(new ScoreThreadResource(scorer, stanceHolder(stance), targets(), sentiment(), MAX_THREAD))
                .addResource(new PerspectiveResource(models, feedback(feedbackDir), LANGUAGE))
                .addResource(new AdminResource(models, stanceHolder(stance), scorer))
                .addResource(new OpenApiResource())
                .addResource(new org.parley.service.resources.DiscoveryResource(java.util.Optional.empty()))
                .build();
    }
}
