package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import static org.parley.text.TokenForms.forms;

/** {@link WebLinks}, {@link Placeholders} and {@link HashtagSplitter}. */
class WebAndPlaceholdersTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "see http://example.com/a?b=c&d=1 now | see <url> now",
        "https://en.wikipedia.org/wiki/Foo_bar#History | <url>",
        "www.google.com | <url>",
        "Visit Google.com. | visit <url> .",
        "(www.y.org) | ( <url> )",
        "mail me: jane.doe+x@mail.example.co.uk | mail me : <email>",
        "end.The next | end . the next", // a missing space, not a domain
        "e.g. 3.5 | e.g. <num>",
    })
    void replacesUrlsAndEmails(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @Test
    void dropsMarkupTags() {
        assertEquals("bold and more", forms("<b>bold</b> and<br/> <div class=\"x\">more</div>"));
        assertEquals("bold", forms("&lt;b&gt;bold&lt;/b&gt;"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "@john_doe you | <user> you",
        "thanks @Jane99! | thanks <user> !",
        "＠John | <user>",
        "a @ b | a @ b",
        "@ss | ass", // resolved before it can pass for a mention
    })
    void replacesMentions(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "3 | <num>",
        "1,000,000 | <num>",
        "3.14 | <num>",
        "21:51 | <num>",
        "9/11 | <num>",
        "89.205.38.27 | <num>",
        "+44 -3 | <num> <num>",
        "$5.99 | $ <num>",
        "50% | <num> %",
        "2nd mp3 covid-19 1990s | 2nd mp3 covid-19 1990s",
    })
    void replacesNumbers(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "#BuildTheWall | build the wall",
        "#MeToo | me too",
        "#HTMLParser | html parser",
        "#covid19 | covid <num>",
        "#black_lives_matter | black lives matter",
        "#maga | maga",
        "#BLM | blm",
        "#1 fan | # <num> fan", // not a tag: no letter after '#'
        "#FuckThis | fuck this",
        "#go__team | go team", // no empty piece between two underscores
    })
    void splitsHashtags(String raw, String expected) {
        assertEquals(expected, forms(raw));
    }

    @Test
    void hashtagPiecesKeepTheirOwnOffsets() {
        List<Token> tokens = TextPipeline.standard().tokenize("#BuildTheWall");
        assertEquals(List.of(new Token("build", "Build", 1, 6), new Token("the", "The", 6, 9),
                new Token("wall", "Wall", 9, 13)), tokens);
    }

    /** {@link Placeholders#isMention}: '@' and one word character or more, letters, digits or '_'. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "@a | true", "@bob_1 | true", "@Zoë | true", "@ | false", "@bob! | false", "@bo-b | false", "bob | false", "@_ | true",
    })
    void aMentionIsAnAtAndWordCharacters(String s, boolean expected) {
        assertEquals(expected, Placeholders.isMention(s));
    }

    /** {@link Placeholders#isNumber}: digits, with the marks numbers are written with, and a digit at least. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "3 | true", "'1,000.5%' | true", "(+44) 20-7 | true", "21:51 | true", "... | false", "12a | false", "1_000 | false", "'' | false",
    })
    void aNumberIsDigitsAndTheirMarks(String s, boolean expected) {
        assertEquals(expected, Placeholders.isNumber(s));
    }
}
