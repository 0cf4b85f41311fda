package org.parley.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.Seeds;
import org.parley.thread.ThreadJson;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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

    private static String run(Path file) {
        PrintStream was = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Cli.execute(new TargetsCommand(), file.toString()));
        } finally {
            System.setOut(was);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
