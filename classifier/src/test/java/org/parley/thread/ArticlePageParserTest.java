package org.parley.thread;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticlePageParserTest {
    private static final Article SEED = ArticlePageParser.parse(Seeds.read(Seeds.ARTICLE));

    @Test
    void titleIsFirstLineAfterChrome() {
        assertEquals("Obama, Putin Discuss Syria Crisis At G20", SEED.title());
        assertNull(SEED.id());
        assertNull(SEED.url());
    }

    @Test
    void bodyIsTheNewsParagraphsOnly() {
        String body = SEED.body();
        assertTrue(body.contains("Interfax news agency quoted an unidentified Russian Navy official"), body);
        assertTrue(body.startsWith("U.S. President Barack Obama and Russian President Vladimir Putin have met"), body);
        assertTrue(body.endsWith("but has blocked harsher penalties."), body);
        assertEquals(18, body.split("\n\n").length, "the article has 18 news paragraphs");
        for (String chrome : List.of("Accessibility links", "Breaking News", "undesirable organization", "16x9 Image",
                "Written by", "click here", "meets with his Russian counterpart", "\u00A0")) {
            assertFalse(body.contains(chrome), "body contains " + chrome);
        }
    }

    @Test
    void bylineEndsTheBodyButASentenceStartingWithByDoesNot() {
        Article a = ArticlePageParser.parse("""
                Talks stall

                By Tuesday the talks had stalled.

                Both sides blamed the other.
                By Jane Doe
                Some footer text
                """);
        assertEquals("By Tuesday the talks had stalled.\n\nBoth sides blamed the other.", a.body());
    }

    @Test
    void siteNavigationAboveTheHeadlineIsNotTheTitle() {
        // Saved with the site's navigation, the title was "Skip to content".
        Article a = ArticlePageParser.parse("Skip to content\nAccessibility Help\n\nBBC News\nHome\nUK\nWorld\n\n"
                + "Syria crisis: Russia and US no closer\n\nSpeeches by key leaders.\n");
        assertEquals("Syria crisis: Russia and US no closer", a.title());
        assertEquals("Speeches by key leaders.", a.body());
        assertEquals("Talks stall", ArticlePageParser.parse("Talks stall\nBy Jane\n\nText.\n").title(), "two short lines are no menu");
    }

    @Test
    void pageWithoutTextHasNoTitle() {
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ArticlePageParser.parse("\n \nBreaking News\n"));
        assertEquals("title", e.field());
    }

    @Test
    void titleOnlyPageHasNoBody() {
        assertNull(ArticlePageParser.parse("Just a headline\n").body());
    }

    @Test
    void aGivenTitleTakesThePlaceOfTheHeadlineWhichIsNotBody() {
        Article a = ArticlePageParser.parse("Headline\n\nText.\n", "Given");
        assertEquals("Given", a.title());
        assertEquals("Text.", a.body());
        Article bare = ArticlePageParser.parse("\n\nBreaking News\n", "Given");
        assertEquals("Given", bare.title(), "a page of chrome alone is that title's article");
        assertNull(bare.body());
    }

    @Test
    void aMenuIsABlockOfThreeOrMoreLinesOfOneOrTwoWords() {
        assertEquals("Headline", ArticlePageParser.parse("BBC News\nHome\nUK\n\nHeadline\n\nText.\n").title(), "three lines: a menu");
        assertEquals("Syria: talks stall", ArticlePageParser.parse("Syria: talks stall\nHome\nUK\n\nText.\n").title(),
                "a line of three words: no menu");
        assertEquals("Talks stall", ArticlePageParser.parse("Home\nUK\nWorld\n\nTalks stall\nBy Jane\n\nText.\n").title(),
                "two short lines after a menu: no menu");
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ArticlePageParser.parse("Home\nUK\nWorld\n"));
        assertEquals("title: missing: the page has no text", e.getMessage(), "a menu alone has no title");
    }

    @Test
    void aLineRepeatedBackToBackGoesBothCopies() {
        // Right below the title, and with a blank line between the copies: both are captions.
        Article a = ArticlePageParser.parse("Headline\nTroops at the border\nTroops at the border\n\nText.\n\n"
                + "A minister in Moscow\n\nA minister in Moscow\n\nMore text.\n");
        assertEquals("Text.\n\nMore text.", a.body());
        assertEquals("Text.\n\nMore.\n\nText.", ArticlePageParser.parse("Headline\n\nText.\n\nMore.\n\nText.\n").body(),
                "copies with another line between them are prose");
    }
}
