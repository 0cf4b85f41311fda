package org.parley.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.parley.io.SavedText;

/**
 * A scraped page's text as import-page and targets read it ({@link SavedText}), refusing what is not
 * a page's text: the parsers would take HTML, or UTF-16 bytes read as another encoding, for an article.
 */
final class PageFile {
    /** A saved web page rather than its text: a tag before any text. */
    private static final Pattern HTML = Pattern.compile("\\s*<(?:!doctype\\s+html|html|head|body|meta|title|div|p|\\?xml)\\b",
            Pattern.CASE_INSENSITIVE);

    private PageFile() {}

    /**
     * @param command the command's name, which starts the note on {@code err} that a page was read as Windows-1252
     * @throws IllegalArgumentException if the file holds NUL bytes or is HTML (a user's error: {@link Cli} prints it)
     */
    static String read(Path page, String command, PrintWriter err) throws IOException {
        // Read as a file, a folder was "Is a directory", naming no path (scripts/score names it so since long).
        if (java.nio.file.Files.isDirectory(page)) throw new IllegalArgumentException(page + " is a folder, not a page's file");
        SavedText saved = SavedText.read(page);
        String text = saved.text();
        if (text.indexOf('\u0000') >= 0)
            throw new IllegalArgumentException(page + " is not a text file: it holds NUL bytes (UTF-16 without a byte-order mark?"
                    + " save it as UTF-8)");
        if (HTML.matcher(text).lookingAt())
            throw new IllegalArgumentException(page + " is HTML, not a page's text: open it in a browser and save it as text"
                    + " (\"Text files\" in the save dialog), or copy the page's text into a file");
        if (saved.charset().equals(SavedText.WINDOWS_1252))
            err.println(command + ": note: " + page + " is not UTF-8; read it as Windows-1252");
        return text;
    }
}
