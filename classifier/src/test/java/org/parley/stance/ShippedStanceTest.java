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

    /**
     * The repeat rule ({@link StanceLimits#sameness}) holds to what the model reads: each target it calls the same as
     * "Syria" (or "Zurich", "Sao Paulo") gets the same probabilities to the last digit, on comments that name it and
     * comments that do not. Forty-fifth session: invisible characters, end controls and Latin accents joined the rule.
     */
    @Test
    void targetsTheRepeatRuleCallsTheSameAreReadAlike() {
        List<List<String>> groups = List.of(
                // (end controls, "Syria\u0007", were read alike too; the model refuses them since the same session)
                List.of("Syria", " syria ", "Syria\u200b", "\ufeffSyria", "S\u200dyria", "Syr\u00adia", "\u202eSyria\u200e",
                        "Syria\ufe0f", "Syria\u034f", "Syri\u0301a", "Syr\u00eda"),
                List.of("Zurich", "Z\u00fcrich", "Zu\u0308rich"),
                List.of("Sao Paulo", "S\u00e3o Paulo", "Sa\u0303o\u2060  Paulo"));
        List<String> comments = List.of("We can't bomb people to save his face.", "Z\u00fcrich is lovely and S\u00e3o Paulo is not.");
        for (List<String> group : groups) {
            List<List<TargetStance>> first = model.stance(comments, group.subList(0, 1));  // a repeat is refused: one at a time
            for (String t : group) {
                assertEquals(StanceLimits.sameness(group.get(0)), StanceLimits.sameness(t), t);
                List<List<TargetStance>> read = model.stance(comments, List.of(t));
                for (int c = 0; c < comments.size(); c++)
                    assertEquals(first.get(c).get(0).probabilities(), read.get(c).get(0).probabilities(), t + " on comment " + c);
            }
        }
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
