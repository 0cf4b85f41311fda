package org.parley.service.health;

import com.codahale.metrics.health.HealthCheck;
import org.parley.score.Scorer;

import java.util.List;

/** Healthy when the model scores a canary pair in the right order: loaded, and not producing nonsense. */
public final class ModelHealthCheck extends HealthCheck {
    static final String TOXIC = "You are a stupid idiot, shut up.";
    static final String CIVIL = "Thank you for the thoughtful article.";

    private final Scorer model;

    public ModelHealthCheck(Scorer model) {
        this.model = model;
    }

    @Override
    protected Result check() {
        float[][] s = model.score(List.of(TOXIC, CIVIL));
        float toxic = s[0][0], civil = s[1][0];
        if (!(toxic > civil)) return Result.unhealthy("canary scores out of order: toxic %.3f <= civil %.3f", toxic, civil);
        return Result.healthy("canary TOXICITY toxic %.3f, civil %.3f", toxic, civil);
    }
}
