package org.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.Seeds;
import org.parley.thread.ThreadJson;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TargetsCommandTest {
    /** The thread format is what the scripts exchange: its article gives the page's targets, not the JSON's words. */
    @Test
    void aThreadInTheJsonFormatGivesTheTargetsOfItsArticle(@TempDir Path dir) throws Exception {
        String page = Seeds.read(Seeds.COMMENT_PAGE);
        Path json = Files.writeString(dir.resolve("thread.json"),
                ThreadJson.toJson(BbcCommentPageParser.parse("001_ebaeb092d28a86a2", page)));
        String fromPage = run(Seeds.path(Seeds.COMMENT_PAGE));
        assertTrue(fromPage.contains("\"Barack Obama\""), fromPage);
        assertEquals(fromPage, run(json));
    }

    /** A page saved as UTF-16 (Notepad's "Unicode") or Windows-1252 gives the targets its UTF-8 copy gives, as import-page reads it. */
    @Test
    void aPageSavedInAnotherEncodingGivesTheSameTargets(@TempDir Path dir) throws Exception {
        String page = Seeds.read(Seeds.COMMENT_PAGE);
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] utf16 = page.getBytes(StandardCharsets.UTF_16LE);
        byte[] saved = new byte[bom.length + utf16.length];
        System.arraycopy(bom, 0, saved, 0, bom.length);
        System.arraycopy(utf16, 0, saved, bom.length, utf16.length);
        Path unicode = Files.write(dir.resolve("page-utf16.txt"), saved);
        assertEquals(run(Seeds.path(Seeds.COMMENT_PAGE)), run(unicode));
    }

    @Test
    void aMissingFileSaysSoInOneLine(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        Path missing = dir.resolve("nope.txt");
        int status = Cli.commandLine(new TargetsCommand()).setErr(new PrintWriter(err, true)).execute(missing.toString());
        assertEquals(2, status, err.toString());
        assertEquals("targets: no such file: " + missing, err.toString().strip());
    }

    /** Refused before NER loads, as import-page refuses them: the parsers took an HTML page's tags, or UTF-16 bytes, for an article. */
    @Test
    void htmlAndNulBytesAreRefusedWithImportPagesMessages(@TempDir Path dir) throws Exception {
        Path html = Files.writeString(dir.resolve("page.html"), "<!DOCTYPE html>\n<html><head><title>Syria crisis</title></head>\n"
                + "<body><h1>Barack Obama and Vladimir Putin</h1></body></html>\n");
        Path utf16 = Files.write(dir.resolve("page.txt"), Seeds.read(Seeds.ARTICLE).getBytes(StandardCharsets.UTF_16LE));
        StringWriter err = new StringWriter();
        assertEquals(2, refused(html, err));
        assertTrue(err.toString().startsWith("targets: " + html + " is HTML, not a page's text: open it in a browser and save it as text"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, refused(utf16, err));
        assertEquals("targets: " + utf16 + " is not a text file: it holds NUL bytes (UTF-16 without a byte-order mark? save it as UTF-8)",
                err.toString().strip());
    }

    @Test
    void aWindows1252PageIsNotedAsImportPageNotesIt(@TempDir Path dir) throws Exception {
        Path page = Files.write(dir.resolve("page.txt"), "Talks stall\n\nBarack Obama met Vladimir Putin in St Petersburg \u2013 £52m.\n"
                .getBytes("windows-1252"));
        StringWriter err = new StringWriter();
        assertEquals(0, Printed.out(() -> Cli.commandLine(new TargetsCommand()).setErr(new PrintWriter(err, true)).execute(page.toString())).code());
        assertEquals("targets: note: " + page + " is not UTF-8; read it as Windows-1252", err.toString().strip());
    }

    /** Runs targets on a file it should refuse; nothing may reach standard output. */
    private static int refused(Path file, StringWriter err) {
        Printed run = Printed.out(() -> Cli.commandLine(new TargetsCommand()).setErr(new PrintWriter(err, true)).execute(file.toString()));
        assertEquals("", run.text(), "no targets for a refused file");
        return run.code();
    }

    private static String run(Path file) {
        Printed run = Printed.out(() -> Cli.execute(new TargetsCommand(), file.toString()));
        assertEquals(0, run.code());
        return run.text();
    }
}
