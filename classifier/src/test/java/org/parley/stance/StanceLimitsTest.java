package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanceLimitsTest {
    private static String error(List<String> targets) {
        return assertThrows(IllegalArgumentException.class, () -> StanceLimits.checkTargets(targets)).getMessage();
    }

    @Test
    void badTargetsAreNamedInTheError() {
        assertEquals("'target' is empty", error(List.of("  ")));
        assertEquals("'target' item 2 is empty", error(List.of("Obama", "")));
        assertEquals("'target' is 201 characters; the limit is 200", error(List.of("x".repeat(201))));
        assertEquals("'target' has 11 targets; the limit is 10", error(Collections.nCopies(11, "Syria")));
        assertEquals("'target' must name at least one target", error(List.of()));
    }

    @Test
    void limitsThemselvesAreAllowed() {
        assertDoesNotThrow(() -> StanceLimits.checkTargets(
                java.util.stream.IntStream.range(0, 10).mapToObj(i -> "x".repeat(199) + i).toList()));
    }

    /**
     * A stance integrator's review (thirty-ninth session): a phrase padded with spaces past 200 characters was refused,
     * though the model reads the phrase alone. The limit is on the phrase; a blank target is still empty.
     */
    @Test
    void theLimitIsOnThePhraseWithoutTheSpacesAroundIt() {
        String phrase = "military action " + "x".repeat(184);  // 200 characters
        assertDoesNotThrow(() -> StanceLimits.checkTargets(List.of("  " + phrase + " \t\n\u00a0\u3000")));
        assertEquals(phrase, StanceLimits.phrase("\u2003" + phrase + "\r\n"));
        assertEquals("'target' is 201 characters; the limit is 200", error(List.of(" ".repeat(50) + phrase + "x ")));
        assertEquals("'target' item 2 is empty", error(List.of("Syria", " ".repeat(300))));
        assertEquals(StanceLimits.sameness("Syria"), StanceLimits.sameness("\u00a0Syria\u00a0"), "no-break spaces around it too");
    }

    /** The first of several targets is item 1; a repeat names the item it repeats, the second as well as the first. */
    @Test
    void theFirstItemAndARepeatOfTheSecondAreNamed() {
        assertEquals("'target' item 1 is empty", error(List.of("", "Obama")));
        assertTrue(error(List.of("Syria", "Russia", "russia")).startsWith("'target' item 3 repeats item 2 "));
        assertEquals("", StanceLimits.phrase(" \t\u00a0"), "spaces alone: an empty phrase");
        assertEquals("", StanceLimits.phrase(""));
    }

    /** A parent is a comment: as long as the longest comment scored, not a char more. */
    @Test
    void aParentMayBeAsLongAsAComment() {
        assertDoesNotThrow(() -> StanceLimits.checkParent("x".repeat(StanceLimits.MAX_PARENT_CHARS)));
        assertEquals("'parent' is 20481 characters; the limit is 20480", assertThrows(IllegalArgumentException.class,
                () -> StanceLimits.checkParent("x".repeat(StanceLimits.MAX_PARENT_CHARS + 1))).getMessage());
    }

    /**
     * Variation selectors (U+FE00–FE0F, U+E0100–E01EF) are dropped whatever letter they follow: after a Greek letter,
     * whose accents are kept, as after a Latin one.
     */
    @Test
    void variationSelectorsAreDroppedAtBothEndsOfTheirRanges() {
        String greek = "\u0395\u03bb\u03bb\u03ac\u03b4\u03b1";
        for (String selector : List.of("\ufe00", "\ufe0f", "\udb40\udd00", "\udb40\uddef"))
            assertEquals(StanceLimits.sameness(greek), StanceLimits.sameness(greek + selector), Integer.toHexString(selector.codePointAt(0)));
        assertNotEquals(StanceLimits.sameness(greek), StanceLimits.sameness(greek + "\u0301"), "a Greek letter's accent is read");
    }

    @Test
    void parentMustHaveText() {
        assertEquals("'parent' is empty",
                assertThrows(IllegalArgumentException.class, () -> StanceLimits.checkParent(" ")).getMessage());
    }

    /** The service refused a zero-width target as empty and ignored such a parent; scripts/score read stance against nothing. */
    @Test
    void invisibleTextIsEmptyAsTheServiceSaysSo() {
        assertEquals("'target' is empty", error(List.of("\u200b")));
        assertEquals("'target' item 2 is empty", error(List.of("Obama", "\u3164\u00a0")));
        assertEquals("'parent' is empty",
                assertThrows(IllegalArgumentException.class, () -> StanceLimits.checkParent("\u200b\ufeff")).getMessage());
    }

    /**
     * A stance integrator's review (thirty-ninth session): a repeated target, in any case or with spaces around it, was
     * read again, so the answer gave the same stance twice and a thread's summary counted its comments twice.
     */
    @Test
    void aRepeatedTargetIsRefusedNamingTheItemItRepeats() {
        String why = " (targets are compared without case, accents on Latin letters, invisible characters, surrounding or "
                + "repeated spaces, as the model reads them)";
        assertEquals("'target' item 2 repeats item 1" + why, error(List.of("Syria", "Syria")));
        assertEquals("'target' item 3 repeats item 1" + why, error(List.of("Syria", "Russia", " SYRIA ")));
        // Read alike by the model too (scripts/score gives each pair the same probabilities): spaces and normal forms.
        assertEquals("'target' item 2 repeats item 1" + why, error(List.of("military action", "Military \t action")));
        assertEquals("'target' item 2 repeats item 1" + why, error(List.of("caf\u00e9 owners", "cafe\u0301\u00a0owners")));
        assertDoesNotThrow(() -> StanceLimits.checkTargets(List.of("Syria", "Syrian people", "military action")));
    }

    /**
     * A stance integrator's second review (forty-fifth session): "Syria" and "Syria" with a zero-width space, a BOM, a
     * soft hyphen, a control character at its end or an accent were two targets, answered twice, counted twice in a
     * thread's summary and stored twice on a comment, though the shipped bundle reads each pair alike to the last digit
     * ({@code ShippedStanceTest.targetsTheRepeatRuleCallsTheSameAreReadAlike}).
     */
    @Test
    void invisibleCharactersAndLatinAccentsMakeNoNewTarget() {
        for (String same : List.of("Syria\u200b", "\ufeffSyria", "S\u200dyria", "Syr\u00adia", "\u202eSyria\u200e",
                "Syria\ufe0f", "Syria\u034f", "Syri\u0301a", "Syr\u00eda"))
            assertEquals(new StanceLimits.Problem(StanceLimits.Problem.Kind.REPEAT, 1, 0), StanceLimits.problem(List.of("Syria", same)), same);
        // A control character is refused now (below); one in a target stored before is still its phrase at an end.
        assertEquals(StanceLimits.sameness("Syria"), StanceLimits.sameness("Syria\u0007"));
        assertEquals(StanceLimits.sameness("Zurich"), StanceLimits.sameness("Z\u00fcrich"));
        assertEquals(StanceLimits.sameness("Sao Paulo"), StanceLimits.sameness("Sa\u0303o\u2060 Paulo"));
        // What the model reads apart stays apart: a control character inside a word (two words to the network), a
        // joiner between two words, accents on Greek letters, a ligature, a letter that is no accented one.
        assertNotEquals(StanceLimits.sameness("Syria"), StanceLimits.sameness("Sy\u0007ria"));
        for (List<String> apart : List.of(List.of("military action", "military\u2063action"),
                List.of("\u0395\u03bb\u03bb\u03ac\u03b4\u03b1", "\u0395\u03bb\u03bb\u03b1\u03b4\u03b1"),
                List.of("fire", "\ufb01re"), List.of("Lodz", "\u0141odz")))
            assertDoesNotThrow(() -> StanceLimits.checkTargets(apart), apart.toString());
    }

    /**
     * A stance integrator's second review (forty-fifth session): "Syria" with a bell, or any control character, was read,
     * stored and shown as sent (only NUL and unpaired surrogates were refused), though the model reads a control
     * character as a space or as a word break. Refused now, naming the item and the character; tabs, line breaks and
     * the other White_Space controls are spaces, as before. A target of controls alone is still empty.
     */
    @Test
    void aControlCharacterInATargetIsRefusedNamingIt() {
        String[][] cases = {{"Syria\u0007", "U+0007"}, {"\u0001Syria", "U+0001"}, {"Sy\u007fria", "U+007F"}, {"Syria\u009b", "U+009B"},
                {"Syria\u001f", "U+001F"}, {"Sy\u0000ria", "U+0000"}};
        for (String[] c : cases) {
            StanceLimits.Problem p = StanceLimits.problem(List.of("war", c[0]));
            assertEquals(new StanceLimits.Problem(StanceLimits.Problem.Kind.CONTROL, 1, c[0].codePoints()
                    .filter(cp -> Character.getType(cp) == Character.CONTROL).findFirst().orElseThrow()), p, c[1]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StanceLimits.checkTargets(List.of("war", c[0])));
            assertEquals("'target' item 2 holds the control character " + c[1] + "; " + StanceLimits.CONTROL_RULE, e.getMessage());
        }
        for (String fine : List.of("military\taction", "Syria\n", "\r\nSyria", "Syria\u000b\u000c", "Syria\u0085", "Syria\u200b"))
            assertNull(StanceLimits.problem(List.of(fine)), fine);
        assertEquals(StanceLimits.Problem.Kind.EMPTY, StanceLimits.problem(List.of("\u0007")).kind(), "nothing visible: empty, as before");
    }
}
