package org.parley.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.parley.model.BundleException;
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
            ParleyApplication.loadStance(stance, false);
            List<String> warned = log.list().stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, warned.size(), warned.toString());
            assertTrue(warned.get(0).matches("text pipeline: \\Q" + stance + "\\E: this checkout's text pipeline reads \\d+ of the \\d+ probe texts "
                    + "otherwise than the one it was trained with \\(commit b5ec6b3\\w+; fingerprint computed at that commit afterwards, "
                    + "stance.text-pipeline.json\\), e\\.g\\. .*: tokens at training \\[.*\\], now \\[.*"), warned.get(0));
        }
        BundleException refused = assertThrows(BundleException.class, () -> ParleyApplication.loadStance(stance, true));
        assertTrue(refused.getMessage().startsWith("model bundle " + stance + ": refused (strictPipeline: true): "), refused.getMessage());
    }
}
