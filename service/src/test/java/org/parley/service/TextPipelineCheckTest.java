package org.parley.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.parley.model.BundleException;
import org.parley.model.PipelineCheck;
import org.parley.service.core.ServedModel;
import org.parley.service.core.ServedStance;
import org.parley.stance.StanceBundle;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The forty-sixth session's reproduction audit: a bundle served through a text pipeline other than the one it was
 * trained with was neither refused nor flagged. The shipped stance bundle predates the speller (its sidecar holds its
 * training commit's readings): its load logs a WARN naming it, how many probes differ and one; strictPipeline refuses it.
 */
class TextPipelineCheckTest {
    @Test
    void aBundleReadOtherwiseThanAtTrainingIsLoggedAtWarnAndRefusedWhenStrict() {
        Path stance = StanceBundle.shipped();
        try (LogLines log = LogLines.of(ParleyApplication.class.getName(), Level.INFO)) {
            ServedStance served = ParleyApplication.loadStance(stance, false);
            // Kept with the bundle, for GET /v1/admin/model and the health check's message.
            assertEquals(PipelineCheck.Status.DIFFERS, served.textPipeline().status());
            assertEquals(5, served.textPipeline().differing());
            assertEquals(32, served.textPipeline().probes());
            List<String> warned = log.list().stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, warned.size(), warned.toString());
            assertTrue(warned.get(0).matches("text pipeline: \\Q" + stance + "\\E: this checkout's text pipeline reads \\d+ of the \\d+ probe texts "
                    + "otherwise than the one it was trained with \\(commit b5ec6b3\\w+; fingerprint computed at that commit afterwards, "
                    + "stance.text-pipeline.json\\), e\\.g\\. .*: tokens at training \\[.*\\], now \\[.*"), warned.get(0));
        }
        BundleException refused = assertThrows(BundleException.class, () -> ParleyApplication.loadStance(stance, true));
        assertTrue(refused.getMessage().startsWith("model bundle " + stance + ": refused (strictPipeline: true): "), refused.getMessage());
    }

    /** The span tagger reads the pipeline's tokens too; the shipped one predates the check and its provenance names no commit. */
    @Test
    void theShippedSpanTaggerIsSaidToPredateTheCheck() {
        ParleyConfiguration.Spans spans = new ParleyConfiguration.Spans();
        try (LogLines log = LogLines.of(ParleyApplication.class.getName(), Level.INFO)) {
            ServedModel served = ParleyApplication.load(org.parley.model.Bundles.shipped(), spans, org.parley.explain.SpanLexicon.standard(), false);
            assertEquals(PipelineCheck.Status.DIFFERS, served.textPipeline().status());
            assertEquals(8, served.textPipeline().differing());
            assertEquals(PipelineCheck.Status.UNRECORDED, served.taggerTextPipeline().status());
            assertEquals("unknown", served.taggerTextPipeline().trainedAt());
            assertTrue(log.list().stream().anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().equals(
                    "text pipeline: span-tagger.zip (classifier jar) predates the pipeline check; trained at commit unknown: whether this "
                            + "checkout's text pipeline reads text as that one did is not recorded")),
                    log.list().stream().map(ILoggingEvent::getFormattedMessage).toList().toString());
        }
        // The toxicity bundle is checked first: strict refuses it (read otherwise, its sidecar says) before the tagger is read.
        BundleException refused = assertThrows(BundleException.class,
                () -> ParleyApplication.load(org.parley.model.Bundles.shipped(), spans, org.parley.explain.SpanLexicon.standard(), true));
        assertTrue(refused.getMessage().contains("toxicity.zip: refused (strictPipeline: true)"), refused.getMessage());
    }
}
