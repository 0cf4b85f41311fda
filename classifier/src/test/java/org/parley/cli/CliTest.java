package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    /** A missing corpus folder is not "no such file": the loader's reason is what the user reads. */
    @Test
    void aMissingPathWithAReasonGivesTheReason() {
        assertEquals("/data/ethos: corpus folder missing",
                Cli.message(new NoSuchFileException("/data/ethos", null, "corpus folder missing")));
    }

    @Test
    void anEmptyTrainingDataFolderNamesTheMissingCorpusFolder(@TempDir Path empty) {
        String first = org.parley.corpus.Corpora.toxicityNames().get(0);
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> org.parley.corpus.Corpora.load(empty, first));
        assertEquals(empty.resolve(first) + ": corpus folder missing", Cli.message(e));
    }
}
