package org.parley.service.resources;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.parley.model.PipelineCheck;
import org.parley.service.Fakes;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ServedModel;
import org.parley.service.core.ServedStance;
import org.parley.service.core.StanceHolder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The forty-sixth session's text-pipeline check was said in the start-up and reload log only: GET /v1/admin/model, where
 * an operator asks what is served, did not say whether a bundle is read through the pipeline it was trained with. It
 * answers each served bundle's check, and after a reload the new bundle's.
 */
class AdminResourceTest {
    private static final PipelineCheck DIFFERS = new PipelineCheck(Path.of("models/next.zip"), PipelineCheck.Status.DIFFERS,
            "abc123", 32, 8, "\"#orangeidiot\": tokens at training [orangeidiot], now [orange, idiot]", "1".repeat(64), null);
    private static final PipelineCheck UNRECORDED = new PipelineCheck(Path.of("span-tagger.zip (classifier jar)"),
            PipelineCheck.Status.UNRECORDED, "unknown", 0, 0, null, null, null);

    @Test
    void eachServedBundlesTextPipelineCheckIsAnsweredAndAReloadAnswersTheNewOnes() {
        ServedModel first = Fakes.served(Fakes.scorer(), "v1");
        ServedModel next = new ServedModel(first.scorer(), first.explainer(), new ModelInfo("fake", "v2", "checksum-v2"), DIFFERS, UNRECORDED);
        ModelHolder models = new ModelHolder(first, p -> next);
        ServedStance stanceNext = new ServedStance(Fakes.stance(), new ModelInfo("fake-stance", "2", "stance-checksum-2"), DIFFERS);
        StanceHolder stance = new StanceHolder(Fakes.served(Fakes.stance()), p -> stanceNext);
        AdminResource admin = new AdminResource(models, stance, Fakes.commentScorer(models));

        JsonNode before = Fakes.mapper().valueToTree(admin.model());
        assertEquals("fake-stance", before.at("/stanceModel/name").asText(), before.toString());
        JsonNode toxicity = before.at("/textPipeline/toxicity");
        assertEquals("fake.zip", toxicity.path("bundle").asText());
        assertEquals("SAME", toxicity.path("status").asText());
        assertEquals(32, toxicity.path("probes").asInt());
        assertEquals(0, toxicity.path("differing").asInt());
        assertEquals("fake-commit", toxicity.path("trainedAt").asText());
        assertEquals(Fakes.pipelineSame("fake.zip").message(), toxicity.path("message").asText());
        assertEquals("SAME", before.at("/textPipeline/stance/status").asText());
        // No tagger served (spans.tagger: false): its entry is there, null.
        assertTrue(before.at("/textPipeline/spanTagger").isNull(), before.toString());

        models.reload(Path.of("models/next.zip"));
        stance.reload(Path.of("models/next-stance.zip"));
        JsonNode after = Fakes.mapper().valueToTree(admin.model());
        assertEquals("v2", after.at("/model/version").asText());
        assertEquals("DIFFERS", after.at("/textPipeline/toxicity/status").asText());
        assertEquals(8, after.at("/textPipeline/toxicity/differing").asInt());
        assertEquals("abc123", after.at("/textPipeline/toxicity/trainedAt").asText());
        assertEquals(DIFFERS.message(), after.at("/textPipeline/toxicity/message").asText());
        assertEquals("DIFFERS", after.at("/textPipeline/stance/status").asText());
        assertEquals("2", after.at("/stanceModel/version").asText());
        JsonNode tagger = after.at("/textPipeline/spanTagger");
        assertEquals("UNRECORDED", tagger.path("status").asText(), after.toString());
        assertEquals("span-tagger.zip (classifier jar)", tagger.path("bundle").asText());
        // Nothing recorded is not "none differ": the counts are null, not 0.
        assertTrue(tagger.path("probes").isNull() && tagger.path("differing").isNull(), tagger.toString());
        assertEquals("unknown", tagger.path("trainedAt").asText());
    }

    /**
     * openapi.yaml wrote spanTagger as allOf [$ref TextPipelineCheck] beside nullable: true, which OpenAPI 3.0.3 does not
     * read as admitting null (OpenApiContractTest checked the shipped configuration's answer only, the tagger on): the
     * answer with the tagger off broke the document. Both answers hold to it; a null toxicity check does not.
     */
    @Test
    void theAnswerWithTheTaggerOffAndOnHoldsToOpenApi() throws Exception {
        ServedModel first = Fakes.served(Fakes.scorer(), "v1");
        ServedModel tagged = new ServedModel(first.scorer(), first.explainer(), new ModelInfo("fake", "v2", "checksum-v2"), DIFFERS, UNRECORDED);
        ModelHolder models = new ModelHolder(first, p -> tagged);
        AdminResource admin = new AdminResource(models, new StanceHolder(Fakes.served(Fakes.stance()), p -> null), Fakes.commentScorer(models));
        OpenApiInteractionValidator validator;
        try (java.io.InputStream in = AdminResourceTest.class.getResourceAsStream("/openapi.yaml")) {
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        }

        JsonNode off = Fakes.mapper().valueToTree(admin.model());
        assertTrue(off.at("/textPipeline/spanTagger").isNull(), off.toString());
        assertEquals(List.of(), errors(validator, off), "the tagger off: " + off);
        models.reload(Path.of("models/next.zip"));
        JsonNode on = Fakes.mapper().valueToTree(admin.model());
        assertEquals("UNRECORDED", on.at("/textPipeline/spanTagger/status").asText(), on.toString());
        assertEquals(List.of(), errors(validator, on), "the tagger on: " + on);

        ((ObjectNode) on.get("textPipeline")).putNull("toxicity");
        assertFalse(errors(validator, on).isEmpty(), "the toxicity bundle's check is never null");
        ((ObjectNode) off.at("/textPipeline")).putObject("spanTagger").put("status", "SAME");
        assertFalse(errors(validator, off).isEmpty(), "a tagger's check has every field");
    }

    private static List<String> errors(OpenApiInteractionValidator validator, JsonNode answer) {
        // The fakes' explainer reads no lexicon (threshold Infinity, which Jackson writes as a string); the service's is
        // spans.lexiconThreshold, a number.
        ((ObjectNode) answer).put("spanLexiconThreshold", 0.6);
        ValidationReport report = validator.validateResponse("/v1/admin/model", Request.Method.GET,
                new SimpleResponse.Builder(200).withContentType("application/json").withBody(answer.toString()).build());
        return report.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage()).toList();
    }
}
