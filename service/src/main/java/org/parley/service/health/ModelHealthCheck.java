package org.parley.service.health;

import com.codahale.metrics.health.HealthCheck;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ServedModel;

import java.util.List;

/**
 * Healthy when the model being served (after any reload) scores a canary pair in the right
 * order: loaded, and not producing nonsense.
 */
public final class ModelHealthCheck extends HealthCheck {
    static final String TOXIC = "You are a stupid idiot, shut up.";
    static final String CIVIL = "Thank you for the thoughtful article.";

    private final ModelHolder models;

    public ModelHealthCheck(ModelHolder models) {
        this.models = models;
    }

    @Override
    protected Result check() {
        ServedModel m = models.current();
        float[][] s = m.scorer().score(List.of(TOXIC, CIVIL));
        float toxic = s[0][0], civil = s[1][0];
        if (!(toxic > civil))
            return Result.unhealthy("%s %s: canary scores out of order: toxic %.3f <= civil %.3f", m.info().name(), m.info().version(), toxic, civil);
        return Result.healthy("%s %s (%s): canary TOXICITY toxic %.3f, civil %.3f",
                m.info().name(), m.info().version(), m.info().checksum().substring(0, Math.min(12, m.info().checksum().length())), toxic, civil);
    }
}
