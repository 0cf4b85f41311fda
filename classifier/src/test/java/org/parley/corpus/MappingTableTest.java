package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingTableTest {
    @TempDir Path dir;

    @Test
    void everyCorpusTheLoadersReadHasItsMappingWrittenDown() throws IOException {
        Map<String, String> table = MappingTable.read(Corpora.defaultRoot());
        List<String> read = new ArrayList<>(Corpora.toxicityNames());
        read.addAll(StanceCorpora.NAMES);
        read.addAll(ReplyCorpora.NAMES);
        for (String corpus : read) {
            assertTrue(table.containsKey(corpus), corpus + " has no row in training-data/README.md");
            assertFalse(table.get(corpus).isBlank(), corpus);
        }
        assertTrue(table.get("davidson_hate_offensive").endsWith("TOX = (hate + offensive) / count, IDA = hate / count"),
                table.get("davidson_hate_offensive"));
        assertTrue(table.get("vast").contains("0 con → AGAINST"), table.get("vast"));
    }

    @Test
    void readsTheNamedColumnOfTheTableThatHasIt() throws IOException {
        Files.writeString(dir.resolve("README.md"), """
                # data
                | a | b |
                |---|---|
                | x | y |

                | folder | licence | mapping as loaded |
                |---|---|---|
                | `one` | MIT | TOX←label |
                | `two` | none | IDA←hate, TOX←hate ∨ offensive |

                After the table.
                """);
        assertEquals(Map.of("one", "TOX←label", "two", "IDA←hate, TOX←hate ∨ offensive"), MappingTable.read(dir));
    }

    @Test
    void aRowWithAStrayBarIsRefusedNamingTheLine() throws IOException {
        Files.writeString(dir.resolve("README.md"), """
                | folder | licence | mapping as loaded |
                |---|---|---|
                | `one` | MIT | TOX←label |
                | `two` | none | TOX←a | b |
                """);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> MappingTable.read(dir));
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void provenanceRecordsAReadmeWithoutTheTableInsteadOfFailingTheRun() throws IOException {
        Files.writeString(dir.resolve("README.md"), "# My subset\n");
        com.fasterxml.jackson.databind.JsonNode rules = org.parley.train.Provenance.labelRules(dir, List.of("ethos"));
        assertTrue(rules.get("problem").asText().contains("mapping as loaded"), rules.toString());
        assertTrue(rules.at("/rules/ethos").asText().startsWith("(no row in"), rules.toString());
    }

    @Test
    void aFileWithoutTheTableIsRefused() throws IOException {
        Files.writeString(dir.resolve("README.md"), "| folder | licence |\n|---|---|\n| `one` | MIT |\n");
        assertThrows(IllegalStateException.class, () -> MappingTable.read(dir));
    }
}
