package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.label.Labels;

class DevSplitTest {
    private static Example ex(String text) {
        return new Example("t", text, text, Labels.none());
    }

    @Test
    void theSplitIsPinned() {
        // Golden values: if these change, every stored dev metric changes meaning.
        assertEquals(GOLDEN_POSITION, DevSplit.position("You are an idiot."), 0.0);
        List<String> dev = new ArrayList<>();
        for (int i = 0; i < 100; i++) if (DevSplit.isDevText("comment " + i)) dev.add("comment " + i);
        assertEquals(GOLDEN_DEV, dev);
    }

    @Test
    void sameNormalisedTextSameSide() {
        for (int i = 0; i < 2000; i++) {
            String text = "Some Comment number " + i;
            boolean side = DevSplit.isDev(ex(text));
            assertEquals(side, DevSplit.isDev(ex(text)));
            assertEquals(side, DevSplit.isDev(ex("  some   comment\nNUMBER " + i + "\u00a0")));
        }
    }

    @Test
    void aboutTenPercentOfDistinctTexts() {
        int n = 20_000;
        int dev = 0;
        for (int i = 0; i < n; i++) if (DevSplit.isDevText("text " + i)) dev++;
        double fraction = (double) dev / n;
        assertTrue(Math.abs(fraction - 0.10) < 0.01, "dev fraction " + fraction);
    }

    @Test
    void splitPartitionsInOrder() {
        List<Example> all = new ArrayList<>();
        for (int i = 0; i < 300; i++) all.add(ex("x" + i));
        DevSplit.Split s = DevSplit.split(all);
        assertEquals(all.size(), s.train().size() + s.dev().size());
        assertTrue(s.dev().stream().allMatch(DevSplit::isDev));
        assertTrue(s.train().stream().noneMatch(DevSplit::isDev));
        assertEquals(all.stream().filter(DevSplit::isDev).toList(), s.dev());
    }

    @Test
    void theTenPartsCoverEveryTextOnceAndPartZeroIsTheShippedSplit() {
        List<Example> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) all.add(ex("part text " + i));
        int[] sizes = new int[DevSplit.PARTS];
        for (Example e : all) {
            int in = 0;
            for (int p = 0; p < DevSplit.PARTS; p++) if (DevSplit.isDev(e, p)) { in++; sizes[p]++; }
            assertEquals(1, in, e.text());
            assertEquals(DevSplit.isDev(e), DevSplit.isDev(e, DevSplit.SHIPPED_PART));
        }
        for (int size : sizes) assertTrue(Math.abs(size - 300) < 60, "part sizes " + java.util.Arrays.toString(sizes));
        assertEquals(DevSplit.split(all), DevSplit.split(all, 0));
        DevSplit.Split three = DevSplit.split(all, 3);
        assertEquals(all.stream().filter(e -> DevSplit.isDev(e, 3)).toList(), three.dev());
        assertEquals(three.dev(), DevSplit.dev(all, 3));
        assertEquals(all.size(), three.train().size() + three.dev().size());
        assertTrue(three.train().stream().noneMatch(e -> DevSplit.isDev(e, 3)));
    }

    @Test
    void aPartOutsideTheTenIsRefusedNamingTheRange() {
        for (int bad : new int[] {-1, DevSplit.PARTS}) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DevSplit.split(List.of(), bad));
            assertTrue(e.getMessage().contains("--dev-part must be 0 to 9"), e.getMessage());
        }
    }

    @Test
    void trainingLeavesOutADevTextWrittenAnotherWay() {
        // "comment 22" is dev; copies with other punctuation, quotes or an entity hash elsewhere.
        List<String> copies = List.of("Comment, 22!", "\u201ccomment 22\u201d", "comment &amp; 22", "comment-22.", "COMMENT 22?!");
        List<Example> all = new ArrayList<>(List.of(ex("comment 22"), ex("comment 23 is other")));
        copies.forEach(c -> all.add(ex(c)));
        assertTrue(copies.stream().anyMatch(c -> !DevSplit.isDevText(c)), "some copy hashes to train");
        DevSplit.Split s = DevSplit.split(all);
        assertEquals(List.of("comment 23 is other"), s.train().stream().map(Example::text).toList());
        assertTrue(s.dev().stream().anyMatch(e -> e.text().equals("comment 22")));
        // Texts without a letter or digit are compared as written, not all as one empty key.
        DevSplit.Split emoji = DevSplit.split(List.of(ex("\uD83D\uDE00"), ex("\uD83D\uDE21"), ex("!!!"), ex("?!")));
        assertEquals(4, emoji.train().size() + emoji.dev().size());
    }

    /**
     * A reviewer's finding: a dev text with Cyrillic а and о for two Latin letters, or in fullwidth letters, was kept in
     * training (letters and digits differ) though the model's pipeline reads the same tokens; any website key could
     * :suggestscore such a copy with the opposite label. Copies are now compared as the pipeline folds them.
     */
    @Test
    void trainingLeavesOutADevTextInLookAlikeOrFullwidthLetters() {
        Example dev = ex("You are a thoughtful writer and a kind one");
        String cyrillic = dev.text().replaceFirst("a", "\u0430").replaceFirst("o", "\u043e");
        StringBuilder fullwidth = new StringBuilder();
        for (char c : dev.text().toCharArray()) fullwidth.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 0xFF41) : c);
        List<Example> copies = List.of(ex(cyrillic), ex(fullwidth.toString()), ex("YOU  ARE a thoughtful writer, and a kind one!"));
        assertEquals(List.of(), DevSplit.withoutDevTexts(copies, List.of(dev)));
        // Greek and Russian text keep their letters, as the pipeline keeps them: not a copy of a Latin text.
        Example russian = ex("\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430?");
        assertEquals(List.of(russian), DevSplit.withoutDevTexts(List.of(russian), List.of(ex("Privet, kak dela?"))));
    }

    private static final double GOLDEN_POSITION = 0.19628207471122205;
    private static final List<String> GOLDEN_DEV = List.of("comment 22", "comment 31", "comment 44", "comment 70");
}
