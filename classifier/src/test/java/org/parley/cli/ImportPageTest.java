package org.parley.cli;

import org.junit.jupiter.api.Test;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.CommentThread;
import org.parley.thread.Seeds;
import org.parley.thread.ThreadJson;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportPageTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void commentPageBecomesOneThreadDocument() throws Exception {
        int status = run(Seeds.path(Seeds.COMMENT_PAGE).toString(), "--url", "https://www.bbc.co.uk/news/world-europe-23983454");
        assertEquals(0, status, err.toString());
        List<CommentThread> threads = ThreadJson.read(new StringReader(out.toString()));
        assertEquals(1, threads.size());
        CommentThread thread = threads.get(0);
        assertEquals("001_ebaeb092d28a86a2", thread.id());
        assertEquals("https://www.bbc.co.uk/news/world-europe-23983454", thread.article().url());
        assertEquals(20, thread.comments().size());
    }

    @Test
    void severalPagesBecomeJsonLines() throws Exception {
        int status = run(Seeds.path(Seeds.COMMENT_PAGE).toString(), Seeds.path(Seeds.ARTICLE).toString());
        assertEquals(0, status, err.toString());
        String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        CommentThread article = ThreadJson.fromJson(lines[1]);
        assertEquals("Obama, Putin Discuss Syria Crisis At G20", article.article().title());
        assertEquals(List.of(), article.comments(), "an article page has no comments");
    }

    @Test
    void aByteOrderMarkDoesNotHideThePageChrome(@TempDir Path dir) throws Exception {
        // Saved by a Windows editor: U+FEFF before "Accessibility links", the chrome line the parser drops.
        Path page = Files.writeString(dir.resolve("article.txt"), "\uFEFF" + Seeds.read(Seeds.ARTICLE));
        assertEquals(0, run(page.toString()), err.toString());
        assertEquals("Obama, Putin Discuss Syria Crisis At G20", ThreadJson.fromJson(out.toString()).article().title());
    }

    @Test
    void aWindows1252PageIsReadAsSuchWithANote(@TempDir Path dir) throws Exception {
        // Read as UTF-8 with replacement, every £ and bullet became U+FFFD and "� rate this" ended each comment.
        Path page = Files.write(dir.resolve("001_ebaeb092d28a86a2.txt"), Seeds.read(Seeds.COMMENT_PAGE).getBytes("windows-1252"));
        assertEquals(0, run(page.toString()), err.toString());
        assertEquals(seedThread(), out.toString());
        assertEquals("import-page: note: " + page + " is not UTF-8; read it as Windows-1252", err.toString().strip());
    }

    @Test
    void aUtf16PageWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        // Notepad's "Unicode": the title was UTF-16 bytes read as UTF-8, and no comment was found.
        Path page = Files.write(dir.resolve("001_ebaeb092d28a86a2.txt"),
                ("\uFEFF" + Seeds.read(Seeds.COMMENT_PAGE)).getBytes(StandardCharsets.UTF_16LE));
        assertEquals(0, run(page.toString()), err.toString());
        assertEquals(seedThread(), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsRefused(@TempDir Path dir) throws Exception {
        Path page = Files.write(dir.resolve("page.txt"), Seeds.read(Seeds.COMMENT_PAGE).getBytes(StandardCharsets.UTF_16LE));
        assertEquals(2, run(page.toString()));
        assertTrue(err.toString().startsWith("import-page: " + page + " is not a text file: it holds NUL bytes"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void anHtmlPageIsRefused(@TempDir Path dir) throws Exception {
        // It was imported as an article titled "<!DOCTYPE html>" whose body was tags.
        Path page = Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html>\n<html><head><title>BBC News</title></head>\n"
                + "<body><h1>Syria crisis</h1><p>Comment number 366.</p></body></html>\n");
        assertEquals(2, run(page.toString()), "a user's error, as every script's");
        assertTrue(err.toString().startsWith("import-page: " + page + " is HTML, not a page's text: open it in a browser and save it as text"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void helpSaysWhichEncodingsAreRead() {
        assertEquals(0, run("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("UTF-8, or UTF-16 with a byte-order mark; a file that is not UTF-8 is read as Windows-1252"), help);
    }

    /** What import-page writes for the seed comment page saved as UTF-8. */
    private static String seedThread() {
        return ThreadJson.toJson(BbcCommentPageParser.parse("001_ebaeb092d28a86a2", Seeds.read(Seeds.COMMENT_PAGE))) + "\n";
    }

    @Test
    void kindCommentsOnAPageWithNoCommentHeaderIsRefused() {
        // It wrote a thread of no comments, exit 0, without a word.
        String article = Seeds.path(Seeds.ARTICLE).toString();
        assertEquals(2, run("--kind", "comments", article));
        assertEquals("import-page: " + article + ": comments: none: --kind comments expects a comment page, with "
                + "\"Comment number N.\" headers, and this page has none (an article page is read by --kind article)",
                err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void aPageOfCommentsWithoutItsArticleTakesTheTitleGiven(@TempDir Path dir) throws Exception {
        // Refused with no way round it but typing the headline into the file: import-page took no --title.
        String seed = Seeds.read(Seeds.COMMENT_PAGE);
        Path page = Files.writeString(dir.resolve("comments.txt"), seed.substring(seed.indexOf("This entry is now closed for comments")));
        assertEquals(2, run(page.toString()));
        assertEquals("import-page: " + page + ": title: missing: the page has no article before its comments to take a title "
                + "from; give it with --title", err.toString().strip());

        assertEquals(0, run("--title", "Syria crisis: Russia and US no closer", page.toString()), err.toString());
        CommentThread thread = ThreadJson.fromJson(out.toString());
        assertEquals(new org.parley.thread.Article(null, "Syria crisis: Russia and US no closer", null, null), thread.article());
        CommentThread whole = BbcCommentPageParser.parse("comments", seed);
        assertEquals(whole.comments(), thread.comments(), "the comments are the whole page's");
    }

    @Test
    void aTitleGivenTakesThePlaceOfThePagesHeadlineAndKeepsItsArticle() {
        assertEquals(0, run("--title", "Syria: the G20 ends divided", Seeds.path(Seeds.COMMENT_PAGE).toString()), err.toString());
        CommentThread thread = ThreadJson.fromJson(out.toString());
        CommentThread page = BbcCommentPageParser.parse("001_ebaeb092d28a86a2", Seeds.read(Seeds.COMMENT_PAGE));
        assertEquals("Syria: the G20 ends divided", thread.article().title());
        assertEquals(page.article().body(), thread.article().body(), "the page's headline is not made body");
        assertEquals(page.comments(), thread.comments());

        out.getBuffer().setLength(0);
        assertEquals(0, run("--title", "Obama and Putin at the G20", Seeds.path(Seeds.ARTICLE).toString()), err.toString());
        assertEquals("Obama and Putin at the G20", ThreadJson.fromJson(out.toString()).article().title());
        assertEquals(org.parley.thread.ArticlePageParser.parse(Seeds.read(Seeds.ARTICLE)).body(), ThreadJson.fromJson(out.toString()).article().body());
    }

    @Test
    void aTitleTheFormatRefusesIsTheOptionsError() {
        String page = Seeds.path(Seeds.COMMENT_PAGE).toString();
        assertEquals(2, run("--title", " \u00A0", page));
        assertTrue(err.toString().startsWith("--title: must not be blank"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("--title", "x".repeat(1001), page));
        assertTrue(err.toString().startsWith("--title: too long: 1001 characters, at most 1000"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("--title", "Syria", page, Seeds.path(Seeds.ARTICLE).toString()));
        assertTrue(err.toString().startsWith("--id, --url and --title apply to a single page"), err.toString());
        // So are an --id and a --url (a data scientist's sixth audit: "id: must not be blank", "url: not a valid URL", and
        // an --id with a '/', which /v1/threads refuses, written).
        String[][] refused = {{"--id", "a/b", "--id: must not contain '/'"}, {"--id", " ", "--id: must not be blank"},
                {"--url", "not a url", "--url: "}, {"--url", "/relative/path", "--url: must be an absolute URL"}};
        for (String[] r : refused) {
            err.getBuffer().setLength(0);
            assertEquals(2, run(r[0], r[1], page), r[0] + " " + r[1]);
            assertTrue(err.toString().startsWith(r[2]), err.toString());
        }
        assertEquals("", out.toString());
        assertEquals(0, run("--version"), err.toString());
        assertTrue(out.toString().startsWith("parley "), out.toString());
    }

    @Test
    void missingFileIsAOneLineError() {
        assertEquals(2, run("no-such-page.txt"), "a user's error, as every script's");
        assertEquals("import-page: no such file: no-such-page.txt", err.toString().strip());
        assertEquals("", out.toString());
    }

    @Test
    void helpDescribesTheOptions() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().startsWith("Usage: import-page"), out.toString());
        assertTrue(out.toString().contains("--kind=KIND"), out.toString());
        assertTrue(out.toString().contains("--title=TITLE"), out.toString());
    }

    private int run(String... args) {
        var cmd = ImportPage.commandLine(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }
}
