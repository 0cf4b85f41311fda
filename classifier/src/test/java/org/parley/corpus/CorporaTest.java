package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.corpus.Fixtures.assertLabels;
import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.TOXICITY;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorporaTest {
    @TempDir Path tmp;

    @Test
    void namesAreTheLabelledToxicitySetsInAFixedOrder() {
        List<String> names = Corpora.toxicityNames();
        assertEquals(23, names.size());
        assertEquals("jigsaw_toxic_partial", names.get(0));
        assertEquals("political_incivility_tweets_theocharis", names.get(21));
        assertEquals("identity_neutral", names.get(22));
        assertFalse(names.contains("jigsaw_toxic_severity_2022"), "unlabelled");
        assertFalse(names.contains("vast"), "stance");
        assertEquals(names, Corpora.toxicityNames());
    }

    @Test
    void identityNeutralSentencesAreLabelledNotToxicOnEveryAttribute() throws Exception {
        List<Example> ex = Corpora.load(Fixtures.root(), Corpora.IDENTITY_NEUTRAL);
        assertEquals(3, ex.size());
        for (Example e : ex) {
            assertEquals(Corpora.IDENTITY_NEUTRAL, e.source());
            for (org.parley.label.Attribute a : org.parley.label.Attribute.values()) {
                assertTrue(e.labels().has(a), e.id() + " " + a);
                assertFalse(e.labels().positive(a), e.id() + " " + a);
            }
        }
    }

    @Test
    void anUnknownNameIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Corpora.load(Fixtures.root(), "semeval2016_task6"));
        assertTrue(e.getMessage().contains("'semeval2016_task6'"), e.getMessage());
    }

    @Test
    void aMissingFolderIsReported() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Corpora.load(tmp, "ethos"));
        assertTrue(e.getMessage().contains("ethos"), e.getMessage());
    }

    @Test
    void gzippedFilesReadTheSameAsPlainOnes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("davidson_hate_offensive"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("labeled_data.csv.gz")))) {
            Files.copy(Fixtures.root().resolve("davidson_hate_offensive/labeled_data.csv"), out);
        }
        assertEquals(Fixtures.load("davidson_hate_offensive"), Corpora.load(tmp, "davidson_hate_offensive"));
    }

    @Test
    void aBadValueIsReportedWithFileRecordAndColumn() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hatexplain_mbib"));
        Files.writeString(dir.resolve("hatexplain_train_val.csv"), "post_id,text,label,category,id,split\n1_gab,fine text,0,zero,1,train\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Corpora.load(tmp, "hatexplain_mbib"));
        assertEquals("hatexplain_mbib/hatexplain_train_val.csv record 1: column 'category': not a number: 'zero'", e.getMessage());
    }

    @Test
    void loadToxicityConcatenatesEveryCorpusAndMergesDuplicateTexts() throws Exception {
        List<Example> all = new ArrayList<>();
        for (String name : Corpora.toxicityNames()) all.addAll(Corpora.load(Fixtures.root(), name));
        List<Example> merged = Corpora.loadToxicity(Fixtures.root());
        // fox "Idiots   everywhere" (not hateful) and trac1 "IDIOTS everywhere" (overtly aggressive)
        assertEquals(all.size() - 1, merged.size());
        List<Example> idiots = merged.stream().filter(e -> TextKey.of(e.text()).equals("idiots everywhere")).toList();
        assertEquals(1, idiots.size());
        assertEquals("fox_news_comments", idiots.get(0).source(), "the first occurrence is kept");
        assertLabels(idiots.get(0), IDENTITY_ATTACK, 0); // TOXICITY 0 and 1: an even split, unlabelled
    }

    @Test
    void someCorporaAreMergedAsAllAreInTheFixedOrderWhateverOrderTheyAreNamedIn() throws Exception {
        List<Example> merged = Corpora.loadToxicity(Fixtures.root(), List.of("trac1_aggression_en", "fox_news_comments"));
        assertEquals(Fixtures.load("fox_news_comments").size() + Fixtures.load("trac1_aggression_en").size() - 1, merged.size());
        List<Example> idiots = merged.stream().filter(e -> TextKey.of(e.text()).equals("idiots everywhere")).toList();
        assertEquals(1, idiots.size());
        assertEquals("fox_news_comments", idiots.get(0).source(), "fox comes first in toxicityNames(), as in a full run");
        assertEquals(Corpora.loadToxicity(Fixtures.root()), Corpora.loadToxicity(Fixtures.root(), Corpora.toxicityNames()));
        assertThrows(IllegalArgumentException.class, () -> Corpora.loadToxicity(Fixtures.root(), List.of("ethos", "nosuch")));
    }

    @Test
    void unlabelledTextsComeFromTheSeveritySetAndTheSemEvalSpanFiles() throws Exception {
        assertEquals(List.of("An unlabelled talk page comment.", "Another one,\nover two lines.", "Because he's a moron and a bigot.",
                "You are a clown and a fool.", "Dumb take, as always."), Corpora.unlabelledTexts(Fixtures.root()));
    }

    @Test
    void defaultRootFindsTrainingDataAboveTheWorkingDirectory() {
        Path root = Corpora.defaultRoot();
        assertTrue(Files.isDirectory(root), root.toString());
        if (System.getenv(Corpora.ROOT_ENV) == null) assertEquals("training-data", root.getFileName().toString());
    }
}
