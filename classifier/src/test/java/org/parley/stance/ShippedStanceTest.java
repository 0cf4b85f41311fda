package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.label.Stance;
import org.parley.text.TextPipeline;

/** The committed bundle loads, carries its provenance, and reads the seed thread as it did when shipped. */
class ShippedStanceTest {
    private static final String TARGET = "military action against Syria";
    static StanceModel model;

    @BeforeAll
    static void load() {
        Path shipped = StanceBundle.shipped();
        assertTrue(Files.exists(shipped), shipped + " is missing");
        model = StanceBundle.load(shipped, TextPipeline.standard());
    }

    /** The served stanceModel.checksum comes from here: the SHA-256 of the file, read once at load. */
    @Test
    void checksumIsTheBundleFilesSha256() throws java.io.IOException {
        assertEquals(org.parley.model.BundleFile.sha256(Files.readAllBytes(StanceBundle.shipped())), model.checksum());
    }

    /** The shipped target model blends all three parts, the sentence part on the encoder this code has. */
    @Test
    void theShippedTargetModelHasAllThreeParts() {
        assertTrue(model.wide() != null && model.sentence() != null);
        assertEquals(org.parley.feature.SentenceEncoder.NAME, model.sentence().config().encoder());
    }

    /** Issue #4: on the BBC Syria thread, these comments must come out AGAINST military action. */
    @Test
    void seedCommentsAgainstBombingAreAgainstMilitaryAction() {
        String quoted296 = "...And who starves here to find £52m aid??\nObama - should have just kept his mouth shut. "
                + "We can't bomb people to save his face.\nPutin - Seemingly more in touch with us than Cameron";
        String bombsIntoTheMix = "There's all this talk about military intervention but none as to what's going to happen after "
                + "such an attack. If nothing changes then what, more bombs? If Assad falls we may have an Islamist Syria. "
                + "If he doesn't fall what will have been achieved? More dead! The best we can all do is supply aid to the "
                + "surrounding countries to support the refugees. Throwing bombs into the mix wont help one jot.";
        for (String comment : List.of(quoted296, bombsIntoTheMix))
            assertEquals(Stance.AGAINST, model.stance(comment, List.of(TARGET)).get(0).label(), comment);
    }

    /** The same target with comments in favour: a model that said AGAINST to everything would fail here. */
    @Test
    void commentsForStrikesAreFavor() {
        for (String comment : List.of("I fully support bombing Syria. It is the right thing to do.",
                "Obama is right, we should act and punish Assad for using chemical weapons."))
            assertEquals(Stance.FAVOR, model.stance(comment, List.of(TARGET)).get(0).label(), comment);
    }

    @Test
    void provenanceNamesDataHeldOutTargetAndMetrics() {
        JsonNode p = model.provenance();
        assertEquals("parley-stance", model.name());
        assertTrue(p.path("dataFiles").size() >= 7, "every data file with its hash");
        p.path("dataFiles").forEach(f -> assertEquals(64, f.path("sha256").asText().length(), f.toString()));
        assertEquals("Hillary Clinton", p.path("heldOutTargets").path(0).asText());
        assertTrue(p.path("devMetrics").path("targetStanceHeldOut").has("fAvg"));
        assertFalse(p.path("code").path("commit").asText().isEmpty());
    }
}
