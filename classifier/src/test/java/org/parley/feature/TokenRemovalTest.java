package org.parley.feature;

import org.junit.jupiter.api.Test;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenRemovalTest {
    private final NgramTfIdf tfIdf = NgramTfIdf.fit(List.of("x"), 1 << 20, () -> {});
    private final TextPipeline pipeline = TextPipeline.standard();

    @Test
    void aTokenBecomesOneSpace() {
        String text = "You idiot, total IDIOT!";
        List<Token> idiots = pipeline.tokenize(text).stream().filter(t -> t.text().equals("idiot")).toList();
        assertEquals("You  , total  !", TokenRemoval.apply(text, idiots));
    }

    @Test
    void theWindowedChangeIsTheChangeOfTheWholeText() {
        List<String> texts = new ArrayList<>(List.of(
                "Well, you are an idiot and a moron.",
                "Idiot! Total IDIOT. idiot,idiot idiot",
                "STOP BEING SUCH A F U C K I N G IDIOT you a$$hole",
                "go to http://example.com/x?y=1 you #StupidMoron @user lol",
                "a b c idiot d e f",                                   // one-letter runs are no words: bigrams skip them
                "idiots_are_us 12 34 idiot's can't won't",
                "ΣΑΣ ΙΔΙΩΤΗΣ idiot İstanbul idiot",                    // whole-text fallback
                "youidiot stupidmoron!!! ...idiot... idiot-moron",
                "   leading and trailing spaces   ",
                "idiot"));
        Random random = new Random(5);
        String alphabet = "aAbBxX yZ_1.,!'-*$@# \t\nΣİé";
        texts.add("a ".repeat(300) + "idiot " + "a,".repeat(200));       // no word of two letters near: windows reach the ends
        texts.add("x".repeat(400) + " idiot " + "y".repeat(300));         // long runs without whitespace
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(60); n > 0; n--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            texts.add(sb.toString());
        }
        for (String text : texts) {
            for (List<Token> group : groups(text)) {
                TokenRemoval.Change windowed = TokenRemoval.ngrams(tfIdf, text, group);
                Map<Integer, Integer> expected = net(tfIdf.occurrences(text), tfIdf.occurrences(TokenRemoval.apply(text, group)));
                assertEquals(expected, net(windowed.removed(), windowed.added()), text + " without " + group);
            }
        }
    }

    @Test
    void eachChangeKeepsItsNgramsThoughTheThreadReusesItsBuffersAndKeepsThemSmall() {
        String text = "Well, you are an idiot and a moron.";
        List<Token> idiot = groups(text).stream().filter(g -> g.get(0).text().equals("idiot")).findFirst().orElseThrow();
        TokenRemoval.Change first = TokenRemoval.ngrams(tfIdf, text, idiot);
        int[] removed = first.removed().clone(), added = first.added().clone();
        String longText = "idiot " + "y".repeat(20_000) + " z"; // a window of 20,000 chars: more n-grams than a thread keeps
        TokenRemoval.Change longer = TokenRemoval.ngrams(tfIdf, longText, groups(longText).get(0));
        assertTrue(longer.removed().length > 1 << 13, longer.removed().length + " n-grams");
        assertArrayEquals(removed, first.removed());
        assertArrayEquals(added, first.added());
        assertTrue(TokenRemoval.REMOVED.capacity() <= 1 << 13 && TokenRemoval.ADDED.capacity() <= 1 << 13,
                TokenRemoval.REMOVED.capacity() + " and " + TokenRemoval.ADDED.capacity() + " ints kept");
        TokenRemoval.Change again = TokenRemoval.ngrams(tfIdf, text, idiot);
        assertArrayEquals(removed, again.removed());
        assertArrayEquals(added, again.added());
    }

    @Test
    void theFormsLeftAreThoseOfTheVariantStringForOrdinaryText() {
        for (String text : List.of("Well, you are an idiot and a moron.", "Idiot! Total IDIOT. idiot,idiot",
                "YOU ARE A COMPLETE IDIOT AND A MORON!!!", "go to http://example.com you @user lol 42 times"))
            for (List<Token> group : groups(text))
                assertEquals(pipeline.tokens(TokenRemoval.apply(text, group)), TokenRemoval.forms(pipeline.tokenize(text), group),
                        text + " without " + group);
    }

    @Test
    void theShoutMarkerFollowsItsRunsLastWordLeftAndGoesWithTheRun() {
        List<Token> tokens = pipeline.tokenize("so STUPID IDIOT!");
        assertEquals(List.of("so", "stupid", "idiot", TextPipeline.ALL_CAPS, "!"), tokens.stream().map(Token::text).toList());
        assertEquals(List.of("so", "stupid", TextPipeline.ALL_CAPS, "!"), TokenRemoval.forms(tokens, List.of(tokens.get(2))));
        assertEquals(List.of("so", "!"), TokenRemoval.forms(tokens, List.of(tokens.get(1), tokens.get(2))));
    }

    @Test
    void tokensSharingTheRemovedOnesOffsetsGoToo() {
        Token you = new Token("you", "youidiot", 0, 8), idiot = new Token("idiot", "youidiot", 0, 8), bye = new Token("bye", "bye", 9, 12);
        assertEquals(List.of("bye"), TokenRemoval.forms(List.of(you, idiot, bye), List.of(idiot)));
    }

    /**
     * The sweep that finds the tokens a removal takes gives what checking every pair gave (the code
     * before it, copied here), on the texts of the windowed-change test and random ones.
     */
    @Test
    void theSweepTakesTheTokensThatCheckingEveryPairTook() {
        List<String> texts = new ArrayList<>(List.of("Well, you are an idiot and a moron.", "STOP BEING SUCH A F U C K I N G IDIOT you a$$hole",
                "youidiot stupidmoron!!! ...idiot... idiot-moron", "so STUPID IDIOT! and DUMB", "a b c idiot d e f", "idiot"));
        Random random = new Random(11);
        String alphabet = "aAbBxX yZ_1.,!'-*$@# \t\nIDIOT idiot";
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(80); n > 0; n--) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            texts.add(sb.toString());
        }
        for (String text : texts) {
            List<Token> tokens = pipeline.tokenize(text);
            for (List<Token> group : groups(text))
                assertEquals(pairwiseForms(tokens, group), TokenRemoval.forms(tokens, group), text + " without " + group);
        }
        Token you = new Token("you", "youidiot", 0, 8), idiot = new Token("idiot", "youidiot", 0, 8), bye = new Token("bye", "bye", 9, 12);
        List<Token> outOfOrder = List.of(bye, you, idiot);
        assertEquals(pairwiseForms(outOfOrder, List.of(idiot)), TokenRemoval.forms(outOfOrder, List.of(idiot)));
    }

    private static List<String> pairwiseForms(List<Token> tokens, List<Token> removed) {
        int n = tokens.size();
        boolean[] gone = new boolean[n];
        for (int i = 0; i < n; i++)
            if (!tokens.get(i).text().equals(TextPipeline.ALL_CAPS))
                for (Token r : removed) gone[i] |= tokens.get(i).begin() < r.end() && r.begin() < tokens.get(i).end();
        int[] marker = new int[n];
        java.util.Arrays.fill(marker, -1);
        for (int m = 0; m < n; m++) {
            Token run = tokens.get(m);
            if (!run.text().equals(TextPipeline.ALL_CAPS)) continue;
            for (int j = m - 1; j >= 0 && tokens.get(j).begin() >= run.begin(); j--)
                if (!gone[j] && !tokens.get(j).text().equals(TextPipeline.ALL_CAPS)
                        && tokens.get(j).original().codePoints().filter(Character::isLetter).limit(2).count() == 2
                        && tokens.get(j).end() <= run.end()) {
                    marker[j] = m;
                    break;
                }
        }
        List<String> forms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (tokens.get(i).text().equals(TextPipeline.ALL_CAPS) || gone[i]) continue;
            forms.add(tokens.get(i).text());
            if (marker[i] >= 0) forms.add(tokens.get(marker[i]).text());
        }
        return forms;
    }

    /** Tokens grouped by normalised form, as occlusion takes them out. */
    private List<List<Token>> groups(String text) {
        Map<String, List<Token>> groups = new LinkedHashMap<>();
        for (Token t : pipeline.tokenize(text)) groups.computeIfAbsent(t.text(), k -> new ArrayList<>()).add(t);
        return new ArrayList<>(groups.values());
    }

    /** Per bucket, occurrences added less occurrences removed, zeros left out. */
    private static Map<Integer, Integer> net(int[] removed, int[] added) {
        Map<Integer, Integer> net = new TreeMap<>();
        for (int b : removed) net.merge(b, -1, Integer::sum);
        for (int b : added) net.merge(b, 1, Integer::sum);
        net.values().removeIf(v -> v == 0);
        return net;
    }
}
