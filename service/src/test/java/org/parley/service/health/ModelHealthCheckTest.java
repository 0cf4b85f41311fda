package org.parley.service.health;

import com.codahale.metrics.health.HealthCheck;
import org.junit.jupiter.api.Test;
import org.parley.label.Stance;
import org.parley.service.Fakes;
import org.parley.model.PipelineCheck;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ServedModel;
import org.parley.stance.StanceModel;
import org.parley.stance.TargetStance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.*;

class ModelHealthCheckTest {
    private static final ModelHolder MODELS = new ModelHolder(Fakes.served(Fakes.scorer(), "1"), p -> null);

    @Test
    void healthyWhenBothCanariesComeOutRightAndTheMessageNamesBothModels() {
        StanceModel stance = Fakes.stance();
        HealthCheck.Result r = new ModelHealthCheck(MODELS, Fakes.stanceHolder(stance)).check();
        assertTrue(r.isHealthy(), r.getMessage());
        assertTrue(r.getMessage().contains("fake 1") && r.getMessage().contains("fake-stance 1"), r.getMessage());
        assertTrue(r.getMessage().startsWith("fake 1 (checksum-1): ") && r.getMessage().contains("fake-stance 1 (stance-check): "),
                "each bundle's checksum, its first 12 characters: " + r.getMessage());
        verify(stance).stance(ModelHealthCheck.AGAINST, List.of(ModelHealthCheck.TARGET));
    }

    /** A model that gives both canaries the same score (a collapsed one, every text alike) is not answering sensibly. */
    @Test
    void unhealthyWhenACanaryPairIsScoredAlike() {
        org.parley.score.Scorer flat = mock(org.parley.score.Scorer.class);
        when(flat.score(anyList())).thenReturn(new float[][] {{0.5f, 0, 0, 0, 0, 0}, {0.5f, 0, 0, 0, 0, 0}});
        HealthCheck.Result toxicity = new ModelHealthCheck(new ModelHolder(Fakes.served(flat, "3"), p -> null),
                Fakes.stanceHolder(Fakes.stance())).check();
        assertFalse(toxicity.isHealthy(), toxicity.getMessage());
        assertTrue(toxicity.getMessage().contains("toxic 0.500 <= civil 0.500"), toxicity.getMessage());

        StanceModel even = mock(StanceModel.class);
        when(even.stance(anyString(), anyList())).thenReturn(List.of(new TargetStance(ModelHealthCheck.TARGET, Stance.NONE,
                Map.of(Stance.FAVOR, 0.25, Stance.AGAINST, 0.25, Stance.NONE, 0.5))));
        HealthCheck.Result stance = new ModelHealthCheck(MODELS, Fakes.stanceHolder(even)).check();
        assertFalse(stance.isHealthy(), stance.getMessage());
        assertTrue(stance.getMessage().contains("AGAINST 0.250 <= FAVOR 0.250"), stance.getMessage());
    }

    /** A bundle that reads the civil canary as the more toxic (a broken or mislabelled one) is unhealthy, stance unread. */
    @Test
    void unhealthyWhenTheToxicityCanariesComeOutOfOrder() {
        org.parley.score.Scorer inverted = mock(org.parley.score.Scorer.class);
        when(inverted.score(anyList())).thenReturn(new float[][] {{0.2f, 0, 0, 0, 0, 0}, {0.7f, 0, 0, 0, 0, 0}});
        StanceModel stance = Fakes.stance();
        HealthCheck.Result r = new ModelHealthCheck(new ModelHolder(Fakes.served(inverted, "2"), p -> null), Fakes.stanceHolder(stance)).check();
        assertFalse(r.isHealthy());
        assertTrue(r.getMessage().contains("canary scores out of order: toxic 0.200 <= civil 0.700"), r.getMessage());
        verifyNoInteractions(stance);
    }

    @Test
    void unhealthyWhenTheStanceModelReadsTheCanaryAsFavour() {
        StanceModel stance = mock(StanceModel.class);
        when(stance.stance(anyString(), anyList())).thenReturn(List.of(new TargetStance(ModelHealthCheck.TARGET, Stance.FAVOR,
                Map.of(Stance.FAVOR, 0.8, Stance.AGAINST, 0.1, Stance.NONE, 0.1))));
        HealthCheck.Result r = new ModelHealthCheck(MODELS, Fakes.stanceHolder(stance)).check();
        assertFalse(r.isHealthy());
        assertTrue(r.getMessage().contains("fake-stance"), r.getMessage());
    }

    /**
     * A bundle read through another text pipeline than its training's is served with a WARN, not refused (unless
     * strictPipeline: true, which refuses it at its load): health stays healthy and says each bundle's check.
     */
    @Test
    void aBundleReadOtherwiseThanAtTrainingStaysHealthyAndTheMessageSaysEachCheck() {
        ServedModel fake = Fakes.served(Fakes.scorer(), "3");
        PipelineCheck differs = new PipelineCheck(Path.of("models/x.zip"), PipelineCheck.Status.DIFFERS, "fc58b0e1a2b3c4d5", 32, 8,
                "\"x\": tokens at training [x], now [y]", "1".repeat(64), null);
        PipelineCheck unrecorded = new PipelineCheck(Path.of("span-tagger.zip (classifier jar)"), PipelineCheck.Status.UNRECORDED,
                "unknown", 0, 0, null, null, null);
        ModelHolder models = new ModelHolder(new ServedModel(fake.scorer(), fake.explainer(), fake.info(), differs, unrecorded), p -> null);
        HealthCheck.Result r = new ModelHealthCheck(models, Fakes.stanceHolder(Fakes.stance())).check();
        assertTrue(r.isHealthy(), r.getMessage());
        assertTrue(r.getMessage().endsWith("; text pipeline: toxicity DIFFERS (8 of 32 probes, trained at fc58b0e1a2b3), "
                + "stance SAME (0 of 32 probes, trained at fake-commit), span tagger UNRECORDED (trained at unknown)"), r.getMessage());
    }
}
