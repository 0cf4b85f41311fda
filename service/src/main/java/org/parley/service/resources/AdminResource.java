package org.parley.service.resources;

import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.parley.policy.Band;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.api.TextPipelineCheck;
import org.parley.service.access.Role;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ServedModel;
import org.parley.service.core.StanceHolder;

import java.util.List;

/** GET /v1/admin/model: what is being served (the bundles and their text-pipeline checks) and by which rules; admin keys only. */
@Path("/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public final class AdminResource {
    private final ModelHolder models;
    private final StanceHolder stance;
    private final CommentScorer scorer;

    public AdminResource(ModelHolder models, StanceHolder stance, CommentScorer scorer) {
        this.models = models;
        this.stance = stance;
        this.scorer = scorer;
    }

    /**
     * @param spanStackerThreshold the span stacker's threshold when it decides the spans (then the two before are unused), else null
     * @param otherLanguage        the action for a comment in another language than English; null: none, its scores decide
     * @param wordLists            the policy's word lists, "threats: 58 phrases, 16 exceptions -> REVIEW"
     * @param sentences            the sentence rule, "any sentence TOXICITY >= 0.60 -> REVIEW"; null: none
     * @param stanceModel          the stance bundle served
     * @param textPipeline         each served bundle's text-pipeline check, as made at its load (start or reload)
     */
    public record Served(ModelInfo model, double spanThreshold, double spanLexiconThreshold, Double spanStackerThreshold,
                         List<String> policy, String otherwise, String otherLanguage, List<String> wordLists, String sentences,
                         ModelInfo stanceModel, TextPipelines textPipeline) {}

    /** @param spanTagger null when the span tagger is off ({@code spans.tagger: false}) */
    public record TextPipelines(TextPipelineCheck toxicity, TextPipelineCheck stance, TextPipelineCheck spanTagger) {}

    @GET
    @Path("/model")
    @Timed(name = "admin-model")
    public Served model() {
        ServedModel m = models.current();
        var st = stance.current();
        var stacker = m.explainer().stacker();
        return new Served(m.info(), m.explainer().threshold(), m.explainer().lexiconThreshold(),
                stacker == null ? null : stacker.threshold(),
                scorer.policy().bands().stream().map(Band::toString).toList(), scorer.policy().otherwise().name(),
                scorer.policy().otherLanguage() == null ? null : scorer.policy().otherLanguage().name(),
                scorer.policy().phrases().stream().map(r -> r.name() + ": " + r.phrases().size() + " phrases, "
                        + r.except().size() + " exceptions -> " + r.action()).toList(),
                scorer.policy().sentences() == null ? null : scorer.policy().sentences().toString(),
                st.info(), new TextPipelines(TextPipelineCheck.of(m.textPipeline()), TextPipelineCheck.of(st.textPipeline()),
                m.taggerTextPipeline() == null ? null : TextPipelineCheck.of(m.taggerTextPipeline())));
    }
}
