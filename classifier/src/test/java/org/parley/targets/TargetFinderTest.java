package org.parley.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.stance.StanceLimits;
import org.parley.text.NlpModels;
import org.parley.thread.Article;
import org.parley.thread.ArticlePageParser;
import org.parley.thread.BbcCommentPageParser;

class TargetFinderTest {
    static TargetFinder finder;

    @BeforeAll
    static void load() {
        assertTrue(NlpModels.available(), "the CoreNLP models jar, a dependency of this module, is not on the class path");
        finder = new TargetFinder();
    }

    static String seed(String name) throws Exception {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seed = dir.resolve("seeds").resolve(name);
            if (Files.exists(seed)) return Files.readString(seed);
        }
        throw new IllegalStateException("seeds/ not found");
    }

    private static List<String> phrases(List<CandidateTarget> targets, CandidateTarget.Kind kind) {
        return targets.stream().filter(t -> t.kind() == kind).map(CandidateTarget::phrase).toList();
    }

    @Test
    void theBbcArticleNamesItsLeadersPlacesAndIssue() throws Exception {
        Article article = BbcCommentPageParser.parse("001", seed("001_ebaeb092d28a86a2.txt")).article();
        List<CandidateTarget> t = finder.find(article, 12);
        List<String> people = phrases(t, CandidateTarget.Kind.PERSON);
        assertTrue(people.contains("Barack Obama"), "Obama, Mr Obama and Barack Obama are one person: " + people);
        assertTrue(people.contains("Vladimir Putin"), people.toString());
        assertTrue(people.contains("Bashar al-Assad"), "Mr Assad and Bashar al-Assad are one person: " + people);
        assertEquals(1, people.stream().filter(p -> p.endsWith("Assad")).count(), people.toString());
        assertEquals(1, people.stream().filter(p -> p.endsWith("Obama")).count(), people.toString());
        assertTrue(phrases(t, CandidateTarget.Kind.LOCATION).contains("Syria"), t.toString());
        assertTrue(phrases(t, CandidateTarget.Kind.LOCATION).contains("Russia"), t.toString());
        assertTrue(phrases(t, CandidateTarget.Kind.ISSUE).contains("military action"), t.toString());
        assertTrue(phrases(t, CandidateTarget.Kind.ISSUE).contains("chemical weapons"), t.toString());
    }

    /** A thread may carry 200,000 characters of article: the first 20,000 are read, long punctuation runs cut short. */
    @Test
    void aLongArticleIsReadFromItsStartAndPunctuationRunsAreCutShort() {
        String opening = "Barack Obama said military action against Syria would be limited. " + "\"".repeat(15_000) + " "
                + "It rained all day. ".repeat(300);  // past 20,000 characters
        String later = "Angela Merkel spoke later. ".repeat(2_000);
        List<CandidateTarget> t = finder.find(new Article(null, "Talks", null, opening + later), 12);
        List<String> people = phrases(t, CandidateTarget.Kind.PERSON);
        assertTrue(people.contains("Barack Obama"), people.toString());
        assertTrue(people.stream().noneMatch(p -> p.contains("Merkel")), "past the first 20,000 characters: " + people);
        assertTrue(TargetFinder.MAX_BODY_CHARS < opening.length() + later.length());
    }

    /** The body is cut at its limit after a space, never inside a word, and what is read is what the service charges for. */
    @Test
    void aLongBodyIsCutAfterASpaceAndChargedAsRead() {
        int max = TargetFinder.MAX_BODY_CHARS;
        String words = "word ".repeat(max / 5 - 1);
        String exact = words + "Obama";
        assertEquals(max, exact.length());
        assertTrue(exact.equals(TargetFinder.bodyRead(exact)), "a body of exactly the limit is read whole");
        String read = TargetFinder.bodyRead(words + "Obamas said"); // the limit falls inside "Obamas"
        assertEquals(words.length(), read.length(), "cut after the space before it");
        assertTrue(words.equals(read));
        String oneWord = "x".repeat(max + 7);
        assertEquals(max, TargetFinder.bodyRead(oneWord).length(), "no space to cut at: the limit");
        assertEquals("", TargetFinder.bodyRead(null));
        assertEquals("Talks".length() + max, TargetFinder.charsRead(new Article(null, "Talks", null, oneWord)));
        assertEquals("Talks".length() + 3, TargetFinder.charsRead(new Article(null, "Talks", null, "abc")));
        assertEquals("Talks".length(), TargetFinder.charsRead(new Article(null, "Talks", null, null)));
    }

    /**
     * A sixth penetration test (sixty-fourth session): a body of one run of e-mail-like or number-like tokens cost 15 to
     * 25 times what prose of its length costs to tag. A sentence of more than MAX_SENTENCE_TOKENS tokens is not read;
     * the sentences around it are.
     */
    @Test
    void aSentenceTooLongToBeProseIsNotReadAndTheOthersAre() {
        String run = "a@b.c Angela Merkel ".repeat(TargetFinder.MAX_SENTENCE_TOKENS / 3 + 1);
        List<CandidateTarget> t = finder.find(new Article(null, "Talks", null,
                "Barack Obama met Vladimir Putin in Geneva. " + run + ". Barack Obama spoke first."), 12);
        List<String> phrases = t.stream().map(CandidateTarget::phrase).toList();
        assertTrue(phrases.containsAll(List.of("Barack Obama", "Vladimir Putin", "Geneva")), phrases.toString());
        assertTrue(phrases.stream().noneMatch(p -> p.contains("Merkel")), "read in a sentence of more than MAX_SENTENCE_TOKENS tokens: " + phrases);
    }

    /** CoreNLP's mentions include pronouns tagged PERSON ("He", "his"): only names are proposed. */
    @Test
    void pronounsAreNotProposedAsPeople() {
        List<CandidateTarget> t = finder.find(new Article(null, "Talks", null,
                "Barack Obama spoke on Monday. He said his plan would work. He repeated it, and she agreed with him."), 12);
        List<String> people = phrases(t, CandidateTarget.Kind.PERSON);
        assertTrue(people.contains("Barack Obama"), people.toString());
        assertTrue(people.stream().noneMatch(p -> List.of("he", "his", "she", "him").contains(p.toLowerCase(java.util.Locale.ROOT))), people.toString());
    }

    @Test
    void invisibleCharactersStayOutOfProposedNames() {
        List<CandidateTarget> t = finder.find(new Article(null, "Talks",  null,
                "Barack\u200B Obama met Vladimir\u00AD Putin. Barack\u200B Obama spoke first."), 12);
        List<String> people = phrases(t, CandidateTarget.Kind.PERSON);
        assertTrue(people.contains("Barack Obama"), people.toString());
        assertTrue(people.stream().allMatch(p -> p.codePoints().noneMatch(c -> Character.getType(c) == Character.FORMAT)), people.toString());
    }

    /** The stance model refuses a target with a control character (forty-fifth session): none is proposed. */
    @Test
    void controlCharactersStayOutOfProposedTargets() {
        List<CandidateTarget> t = finder.find(new Article(null, "Talks\u0007",  null,
                "Barack\u0001Obama met Vladimir\u0007 Putin on military\u0085 action. Barack\u0001Obama spoke first on the military\u009b action."), 12);
        assertTrue(t.stream().anyMatch(c -> c.phrase().contains("Putin")), t.toString());
        assertTrue(t.stream().allMatch(c -> StanceLimits.control(c.phrase()) < 0), t.toString());
    }

    @Test
    void theRferlArticleGivesTargetsToo() throws Exception {
        List<CandidateTarget> t = finder.find(ArticlePageParser.parse(seed("000_a34849246ac6736f.txt")), 8);
        assertTrue(t.stream().anyMatch(c -> c.kind() != CandidateTarget.Kind.ISSUE), t.toString());
        assertTrue(t.stream().allMatch(c -> c.mentions() >= 1 && !c.phrase().isBlank()), t.toString());
        // Its issues: "humanitarian crisis" and "the crisis" are one; a name may modify ("Assad regime");
        // the story's own reporting ("a Russian news agency reported") is not an issue.
        List<String> issues = phrases(t, CandidateTarget.Kind.ISSUE);
        assertTrue(issues.contains("humanitarian crisis"), issues.toString());
        assertTrue(issues.contains("Assad regime"), issues.toString());
        assertTrue(issues.stream().noneMatch(i -> i.endsWith("agency") || i.startsWith("other ") || i.endsWith("Nations efforts")),
                issues.toString());
    }
}
