package org.parley.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class GoldSpansTest {
    @Test
    void readsTheOffsetsAndCutsEachRunOfGoldCharactersIntoAPhrase(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("tsd.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(("spans,text\n"
                    + "\"[4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 21, 22, 23, 24, 25, 26]\",\"You stupid fool, you idiot \"\n"
                    + "[],\"All fine, thanks.\"\n").getBytes(StandardCharsets.UTF_8));
        }
        List<GoldSpans.Post> posts = GoldSpans.read(file);
        assertEquals(2, posts.size());
        assertEquals("You stupid fool, you idiot ", posts.get(0).text());
        // [4, 15) and [21, 27): the second run ends in a space, trimmed away.
        assertEquals(List.of("stupid fool", "idiot"), posts.get(0).phrases());
        assertEquals(List.of(), posts.get(1).phrases());
    }

    @Test
    void aRunPastTheTextsEndIsCutAtIt() {
        BitSet gold = new BitSet();
        gold.set(3, 40);
        assertEquals(List.of("moron"), new GoldSpans.Post("Hi moron", gold).phrases());
    }

    @Test
    void theSplitIsSeededAndTunesOnAtMostHalf() {
        List<GoldSpans.Post> posts = new ArrayList<>();
        for (int i = 0; i < 10; i++) posts.add(new GoldSpans.Post("post " + i, new BitSet()));
        GoldSpans.Split a = GoldSpans.split(posts, 3, 2021), b = GoldSpans.split(posts, 3, 2021);
        assertEquals(a, b);
        assertEquals(3, a.tune().size());
        assertEquals(7, a.train().size());
        HashSet<GoldSpans.Post> all = new HashSet<>(a.tune());
        all.addAll(a.train());
        assertEquals(new HashSet<>(posts), all);
        assertNotEquals(a.tune(), GoldSpans.split(posts, 3, 2022).tune());
        assertEquals(5, GoldSpans.split(posts, 8, 2021).tune().size(), "at most half tunes");
    }
}
