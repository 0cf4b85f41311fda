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
}
