package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.stance.StanceLimits;
import org.junit.jupiter.api.io.TempDir;
import org.parley.model.TinyBundles;
import org.parley.stance.TinyStance;
import picocli.CommandLine;

/** scripts/score with the optional "target" and "parent" fields. */
class ScoreStanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir static Path dir;
    static Path toxicity;

    @BeforeAll
    static void bundles() throws IOException {
        toxicity = dir.resolve("tiny.zip");
        TinyBundles.create().save(toxicity);
    }

    private List<JsonNode> run(String input) throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), input);
        Path out = dir.resolve("out.jsonl");
        int code = new CommandLine(new ScoreCommand()).execute("--model", toxicity.toString(),
                "--stance-model", TinyStance.bundle().toString(), "--output", out.toString(), in.toString());
        assertEquals(0, code);
        return Files.readAllLines(out).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
    }

    @Test
    void targetsAndParentAddStanceAndReplyStance() throws IOException {
        List<JsonNode> out = run("""
                {"id": "a", "text": "i love grapes", "target": "grapes"}
                {"id": "b", "text": "i hate apples", "target": ["apples", "grapes"], "parent": "bomb in paris"}
                {"id": "c", "text": "no stance asked"}
                """);
        JsonNode a = out.get(0).get("stance");
        assertEquals(1, a.size());
        assertEquals("grapes", a.get(0).get("target").asText());
        JsonNode p = a.get(0).get("probabilities");
        assertEquals(1.0, p.get("FAVOR").asDouble() + p.get("AGAINST").asDouble() + p.get("NONE").asDouble(), 1e-4);
        String best = p.get("FAVOR").asDouble() >= p.get("AGAINST").asDouble()
                ? (p.get("FAVOR").asDouble() >= p.get("NONE").asDouble() ? "FAVOR" : "NONE")
                : (p.get("AGAINST").asDouble() >= p.get("NONE").asDouble() ? "AGAINST" : "NONE");
        assertEquals(best, a.get(0).get("label").asText(), "the label is the most probable class: " + a);
        JsonNode b = out.get(1);
        assertEquals(2, b.get("stance").size());
        assertEquals("AGAINST", b.get("stance").get(0).get("label").asText());
        assertEquals(4, b.get("replyStance").get("probabilities").size());
        assertTrue(b.has("attributes"), "toxicity is still scored");
        assertFalse(out.get(2).has("stance"));
        assertFalse(out.get(2).has("replyStance"));
    }

    @Test
    void badTargetsAreClearErrorsForThatLineOnly() throws IOException {
        List<JsonNode> out = run("""
                {"id": "a", "text": "t", "target": ""}
                {"id": "b", "text": "t", "target": "%s"}
                {"id": "c", "text": "t", "target": ["1","2","3","4","5","6","7","8","9","10","11"]}
                {"id": "d", "text": "t", "target": 5}
                {"id": "e", "text": "t", "parent": ""}
                {"id": "f", "text": "fine", "target": "grapes"}
                {"id": "g", "text": "t", "target": ["grapes", "Grapes"]}
                {"id": "h", "text": "t", "target": ["grapes", "gra\\u0007pes"]}
                """.formatted("x".repeat(201)));
        assertEquals("'target' is empty", out.get(0).get("error").asText());
        assertEquals("'target' is 201 characters; the limit is 200", out.get(1).get("error").asText());
        assertEquals("'target' has 11 targets; the limit is 10", out.get(2).get("error").asText());
        assertEquals("field 'target' must be a string or a list of strings", out.get(3).get("error").asText());
        assertEquals("'parent' is empty", out.get(4).get("error").asText());
        assertEquals(5, out.get(4).get("line").asInt());
        assertTrue(out.get(5).has("stance"));
        assertEquals("'target' item 2 repeats item 1 (targets are compared without case, accents on Latin letters, invisible "
                + "characters, surrounding or repeated spaces, as the model reads them)", out.get(6).get("error").asText());
        // A control character was read and written back as sent (a stance integrator's second review, forty-fifth session).
        assertEquals("'target' item 2 holds the control character U+0007; " + StanceLimits.CONTROL_RULE, out.get(7).get("error").asText());
    }

    /**
     * A stance integrator's review (thirty-ninth session): a line written with the service's names, "targets" and
     * "context": {"parentText"}, was scored with no stance and no word; each name is refused with the one this reads.
     */
    @Test
    void theServicesNamesForTargetsAndParentAreRefusedNotIgnored() throws IOException {
        List<JsonNode> out = run("""
                {"id": "a", "text": "i love grapes", "targets": ["grapes"]}
                {"id": "b", "text": "i love grapes", "context": {"parentText": "bomb in paris"}}
                {"id": "c", "text": "i love grapes", "target": "grapes", "context": "kept as before"}
                """);
        assertEquals("field 'targets' is not read here: scripts/score takes stance targets as 'target' (a string or a list of strings)",
                out.get(0).get("error").asText());
        assertEquals("field 'context.parentText' is not read here: scripts/score takes the parent text as 'parent'",
                out.get(1).get("error").asText());
        assertTrue(out.get(2).has("stance"), "other fields are still passed over: " + out.get(2));
    }

    /**
     * A stance data scientist's audit: a stance bundle given as --model said only that its format is
     * not the toxicity bundle's; each option now names the other where that one's bundle is given.
     */
    @Test
    void aBundleOfTheOtherTaskIsRefusedNamingTheOptionThatTakesIt() throws IOException {
        Path in = Files.writeString(dir.resolve("stance-line.jsonl"), "{\"id\": \"a\", \"text\": \"i love grapes\", \"target\": \"grapes\"}\n");
        Path stance = TinyStance.bundle();
        assertEquals("score: --model " + stance + " is a stance bundle: pass it with --stance-model (--model takes a toxicity bundle)",
                refusal("--model", stance.toString(), "--stance-model", stance.toString(), in.toString()));
        assertEquals("score: --stance-model " + toxicity + " is a toxicity bundle: pass it with --model (--stance-model takes a stance bundle)",
                refusal("--model", toxicity.toString(), "--stance-model", toxicity.toString(), "--output", dir.resolve("o.jsonl").toString(), in.toString()));
    }

    /**
     * The line scripts/score writes on stderr when it stops, after checking it stops with status 2: the last, after at
     * most the warning of a --model bundle it loaded first (a tiny bundle predates the text-pipeline check).
     */
    private static String refusal(String... args) {
        Printed run = Printed.err(() -> Cli.execute(new ScoreCommand(), args));
        assertEquals(2, run.code());
        List<String> lines = run.text().strip().lines().toList();
        assertTrue(lines.size() <= 2 && lines.subList(0, lines.size() - 1).stream().allMatch(l -> l.startsWith("warning: ")),
                lines.toString());
        return lines.get(lines.size() - 1);
    }
}
