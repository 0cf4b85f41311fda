package org.parley.thread;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Taking an erased comment's passages out of quotes as the page parser writes them (QuotedPassages). */
class QuotedPassagesTest {
    private static String quoteOf(String comment) {
        String page = "Title\n\nrate this\n\nComment number 9.\n\n" + comment + "\n";
        return BbcCommentPageParser.parse("t", page).comment("c9").quote();
    }

    private static String without(String quote, int number) {
        return QuotedPassages.without(quote, m -> m.number() == number);
    }

    @Test
    void aSecondPassageGoesWithItsMarkerAndTheFirstStays() {
        String quote = quoteOf("6.Seqenenre wrote:\n\nPutin is right.\n\n5.Dana Smith wrote:\n\nYou are all idiots.\n\nCalm down.");
        assertEquals("Putin is right.\n\n5.Dana Smith wrote:\n\nYou are all idiots.", quote, "as the parser writes it");
        assertEquals("Putin is right.", without(quote, 5));
        assertEquals("Putin is right.", QuotedPassages.without(quote, m -> m.author().equals("Dana Smith")));
        assertSame(quote, without(quote, 6), "the first passage has no marker in the quote: its parent's erasure clears it all");
        assertEquals(List.of(new QuotedPassages.Marker(5, "Dana Smith")), QuotedPassages.markers(quote));
    }

    @Test
    void aQuotedQuotesInnerPassageGoesAndTheQuotedCommentsOwnStays() {
        String quote = quoteOf("6.Frank wrote:\n\n5.Dana Smith wrote:\n\nYou are all idiots.\n\nPutin is right.\n\nCalm down.");
        assertEquals("5.Dana Smith wrote:\n\nYou are all idiots.\n\nPutin is right.", quote, "as the parser writes it");
        assertEquals("Putin is right.", without(quote, 5));
        // Two inner markers: their passages follow both, the innermost first.
        String twice = quoteOf("7.Frank wrote:\n\n6.Ann wrote:\n\n5.Dana Smith wrote:\n\nDana's words.\n\nAnn's words.\n\n"
                + "Frank's words.\n\nMine.");
        assertEquals("6.Ann wrote:\n\n5.Dana Smith wrote:\n\nDana's words.\n\nAnn's words.\n\nFrank's words.", twice);
        assertEquals("6.Ann wrote:\n\nAnn's words.\n\nFrank's words.", without(twice, 5));
        assertEquals("5.Dana Smith wrote:\n\nDana's words.\n\nFrank's words.", without(twice, 6));
    }

    @Test
    void aQuoteOfOnlyErasedPassagesIsNothingAndOneWithoutMarkersIsKept() {
        assertNull(without("5.Dana Smith wrote:\n\nYou are all idiots.", 5));
        assertNull(without("5.Dana Smith wrote:\nYou are all idiots.", 5), "a passage in the marker's own paragraph");
        String plain = "Dana Smith wrote: you are all idiots.";
        assertSame(plain, without(plain, 5));
        assertNull(QuotedPassages.without(null, m -> true));
        // A site's own line endings: read as lines all the same.
        assertEquals("Putin is right.", without("Putin is right.\r\n\r\n5.Dana Smith wrote:\r\n\r\nYou are all idiots.", 5));
        assertEquals("Putin is right.", without("Putin is right.\n\n@5. Dana Smith wrote:\n\nYou are all idiots.", 5));
    }
}
