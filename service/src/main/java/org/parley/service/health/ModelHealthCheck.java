package org.parley.service.health;

import com.codahale.metrics.health.HealthCheck;
import org.parley.label.Stance;
import org.parley.model.PipelineCheck;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ServedModel;
import org.parley.service.core.ServedStance;
import org.parley.service.core.StanceHolder;
import org.parley.stance.TargetStance;

import java.util.List;
import java.util.Locale;

/**
 * Healthy when the models being served (after any reload) answer canaries sensibly: the toxicity
 * model scores a toxic comment above a civil one, and the stance model reads a comment against
 * bombing as more AGAINST military action than FAVOR. Loaded, and not producing nonsense.
 *
 * <p>The message also says each bundle's text-pipeline check ({@link PipelineCheck}), but a bundle read through another
 * pipeline than its training's stays healthy: it scores, and a WARN is what the check means to give (strictPipeline:
 * true refuses such a bundle at its load, so none is served to be reported).
 */
public final class ModelHealthCheck extends HealthCheck {
    static final String TOXIC = "You are a stupid idiot, shut up.";
    static final String CIVIL = "Thank you for the thoughtful article.";
    /** Comment 296 of seed 001, which the quality bar requires to come out AGAINST. */
    static final String AGAINST = "Obama - should have just kept his mouth shut. We can't bomb people to save his face.";
    static final String TARGET = "military action against Syria";

    private final ModelHolder models;
    private final StanceHolder stance;

    public ModelHealthCheck(ModelHolder models, StanceHolder stance) {
        this.models = models;
        this.stance = stance;
    }

    @Override
    protected Result check() {
        ServedModel m = models.current();
        float[][] s = m.scorer().score(List.of(TOXIC, CIVIL));
        float toxic = s[0][0], civil = s[1][0];
        if (!(toxic > civil))
            return Result.unhealthy("%s %s: canary scores out of order: toxic %.3f <= civil %.3f", m.info().name(), m.info().version(), toxic, civil);

        ServedStance st = stance.current();
        TargetStance t = st.model().stance(AGAINST, List.of(TARGET)).get(0);
        double against = t.probabilities().get(Stance.AGAINST), favor = t.probabilities().get(Stance.FAVOR);
        if (!(against > favor))
            return Result.unhealthy("stance %s %s: canary AGAINST %.3f <= FAVOR %.3f on '%s'", st.info().name(), st.info().version(), against, favor, TARGET);
        return Result.healthy("%s %s (%s): canary TOXICITY toxic %.3f, civil %.3f; stance %s %s (%s): canary AGAINST %.3f, FAVOR %.3f; "
                        + "text pipeline: toxicity %s, stance %s%s",
                m.info().name(), m.info().version(), shortSum(m.info()), toxic, civil,
                st.info().name(), st.info().version(), shortSum(st.info()), against, favor,
                brief(m.textPipeline()), brief(st.textPipeline()),
                m.taggerTextPipeline() == null ? "" : ", span tagger " + brief(m.taggerTextPipeline()));
    }

    /** "DIFFERS (8 of 32 probes, trained at fc58b0e1a2b3)": the check in a few words (GET /v1/admin/model has the rest). */
    static String brief(PipelineCheck check) {
        String commit = check.trainedAt().substring(0, Math.min(12, check.trainedAt().length()));
        return check.status() == PipelineCheck.Status.UNRECORDED ? "UNRECORDED (trained at " + commit + ")"
                : String.format(Locale.ROOT, "%s (%d of %d probes, trained at %s)", check.status(), check.differing(), check.probes(), commit);
    }

    private static String shortSum(ModelInfo info) {
        return info.checksum().substring(0, Math.min(12, info.checksum().length()));
    }
}
