package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.corpus.Fixtures.assertLabels;
import static org.parley.corpus.Fixtures.byId;
import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.SEVERE_TOXICITY;
import static org.parley.label.Attribute.TOXICITY;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvAbuseCorpusTest {
    @Test
    void readsTheSplitFilesOnlyAndAveragesAnnotators() throws Exception {
        List<Example> ex = Fixtures.load("convabuse");
        assertEquals(List.of("train:278.0", "train:315.0", "train:316.0", "valid:1290.0"), ex.stream().map(Example::id).toList(),
                "ConvAbuseEMNLPfull.csv is not read");
        assertEquals("yes", byId(ex, "train:278.0").text());
        assertLabels(byId(ex, "train:278.0"), TOXICITY, 0, SEVERE_TOXICITY, 0, IDENTITY_ATTACK, 0, INSULT, 0);
        // annotators: strongly abusive + intellectual, very strongly abusive + intellectual, ambiguous
        assertLabels(byId(ex, "train:315.0"), TOXICITY, 2.0 / 3, SEVERE_TOXICITY, 1.0 / 3, IDENTITY_ATTACK, 0, INSULT, 2.0 / 3);
        // annotator 3 rated twice ("1, 0": once mildly abusive + racist, once not), annotator 5 once abusive + racist
        assertLabels(byId(ex, "train:316.0"), TOXICITY, 0.75, SEVERE_TOXICITY, 0, IDENTITY_ATTACK, 0.75, INSULT, 0);
        // a blank transphobic cell of annotator 6 reads as 0
        assertLabels(byId(ex, "valid:1290.0"), TOXICITY, 0, SEVERE_TOXICITY, 0, IDENTITY_ATTACK, 0, INSULT, 0);
    }

    @Test
    void aHeaderThatMovedIsRejectedNamingTheColumn() throws Exception {
        List<String> header = new ArrayList<>(List.of(Files.readString(Fixtures.root().resolve("convabuse/ConvAbuseEMNLPtrain.csv"))
                .lines().findFirst().orElseThrow().split(",")));
        ConvAbuseCorpus.checkHeader("train.csv", header); // the real layout, with its repeated Annotator6_transphobic
        header.remove(8); // drop Annotator1_is_abuse.0: everything after it shifts
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvAbuseCorpus.checkHeader("train.csv", header));
        assertTrue(e.getMessage().contains("train.csv: column 9 should be 'Annotator1_is_abuse.-1'"), e.getMessage());
    }

    /**
     * Every column read by position is checked by name, for the first annotator and the last, and the reader checks each
     * file before reading it. Pinned after a mutation run (fifty-fifth session): only one of the six checks, and none
     * through {@link ConvAbuseCorpus#read}, had a test.
     */
    @Test
    void eachColumnReadByPositionIsCheckedAndAFileWithOneRenamedIsNotRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        List<String> lines = Files.readString(Fixtures.root().resolve("convabuse/ConvAbuseEMNLPtrain.csv")).lines().toList();
        List<String> header = List.of(lines.get(0).split(","));
        int last = 7 + 17 * 7;
        for (int index : new int[] {5, 7, 9, 11, 12, 14, last, last + 2, last + 4, last + 5, last + 7}) {
            List<String> renamed = new ArrayList<>(header);
            String name = renamed.set(index, "renamed");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvAbuseCorpus.checkHeader("f.csv", renamed));
            assertEquals("f.csv: column " + index + " should be '" + name + "' but is 'renamed'", e.getMessage());
        }
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> ConvAbuseCorpus.checkHeader("f.csv", header.subList(0, 7)));
        assertEquals("f.csv: column 7 should be 'Annotator1_is_abuse.1' but is '(none)'", cut.getMessage(), "a header cut short");
        List<String> renamed = new ArrayList<>(header);
        renamed.set(5, "author");
        List<String> file = new ArrayList<>(lines);
        file.set(0, String.join(",", renamed));
        for (String name : ConvAbuseCorpus.FILES) Files.write(dir.resolve(name), file);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConvAbuseCorpus.read(dir));
        assertTrue(e.getMessage().contains("column 5 should be 'user' but is 'author'"), e.getMessage());
    }
}
