package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;
import org.parley.stance.StanceData;

class EvaluateStanceCommandTest {
    @TempDir Path dir;

    @Test
    void aLabelledFileHoldsTargetAndReplyLines() throws Exception {
        Path f = Files.writeString(dir.resolve("l.jsonl"), """
                {"text": "we can't bomb people", "target": "military action against Syria", "label": "against"}

                {"text": "source?", "parent": "Bomb in Paris", "label": "QUERY"}
                """);
        StanceData d = EvaluateStanceCommand.fromFile(f);
        assertEquals(Stance.AGAINST, d.dev().get(0).label());
        assertEquals("military action against Syria", d.dev().get(0).target());
        assertEquals(ReplyStance.QUERY, d.replyDev().get(0).label());
        assertEquals(0, d.train().size());
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bom.jsonl"),
                "\uFEFF{\"text\": \"no more wars\", \"target\": \"military action\", \"label\": \"AGAINST\"}\n");
        assertEquals(Stance.AGAINST, EvaluateStanceCommand.fromFile(f).dev().get(0).label());
    }

    @Test
    void invalidUtf8StopsTheReadNamingTheFile() throws Exception {
        String good = "{\"text\": \"tea\", \"target\": \"x\", \"label\": \"FAVOR\"}\n";
        Path f = Files.write(dir.resolve("latin1.jsonl"),
                (good + good + "{\"text\": \"caf\u00e9\", \"target\": \"x\", \"label\": \"FAVOR\"}\n" + good).getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> EvaluateStanceCommand.fromFile(f));
        assertEquals(f + " is not UTF-8 text: line 3 has bytes that are not UTF-8", e.getMessage());
    }

    @Test
    void badLinesNameFileLineAndProblem() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.jsonl"), """
                {"text": "x", "target": "y", "label": "MAYBE"}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EvaluateStanceCommand.fromFile(f));
        assertEquals(f + " line 1: unknown label 'MAYBE'", e.getMessage());
        Path g = Files.writeString(dir.resolve("bad2.jsonl"), "{\"text\": \"x\", \"label\": \"FAVOR\"}\n");
        assertEquals(g + " line 1: needs 'target' (target stance) or 'parent' (reply stance)",
                assertThrows(IllegalArgumentException.class, () -> EvaluateStanceCommand.fromFile(g)).getMessage());
    }

    @Test
    void blankOrListTargetsBlankParentsEmptyFilesAndNonJsonAreRefusedNotScored() throws Exception {
        String[][] cases = {
                {"{\"text\": \"x\", \"target\": \"  \", \"label\": \"FAVOR\"}", " line 1: ", "target"},
                {"{\"text\": \"x\", \"target\": [\"Syria\", \"US\"], \"label\": \"FAVOR\"}", " line 1: field 'target' must be one string", ""},
                {"{\"text\": \"x\", \"parent\": \" \", \"label\": \"SUPPORT\"}", " line 1: ", "parent"},
                {"id,text,label", " line 1: invalid JSON", ""},
                {"", ": no labelled examples to evaluate", ""}};
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("case.jsonl"), c[0] + "\n");
            String message = assertThrows(IllegalArgumentException.class, () -> EvaluateStanceCommand.fromFile(f)).getMessage();
            assertTrue(message.startsWith(f + c[1]) && message.contains(c[2]), c[0] + " -> " + message);
        }
    }
}
