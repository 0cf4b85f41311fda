package org.parley.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BOMInputStream;

/**
 * UTF-8 text as users save it. A leading byte-order mark, which Notepad, Excel's "CSV UTF-8" and
 * PowerShell write, is dropped: left in, it makes line 1 invalid JSON and hides a page's first
 * line. Each caller says what invalid bytes do: {@code REPORT} fails the read (as
 * {@code Files.readAllLines} does), {@code REPLACE} turns them into U+FFFD.
 */
public final class Utf8Files {
    private Utf8Files() {}

    /** A buffered reader over {@code in}. */
    public static BufferedReader reader(InputStream in, CodingErrorAction onMalformed) throws IOException {
        InputStream noBom = BOMInputStream.builder().setInputStream(in).get();
        return new BufferedReader(new InputStreamReader(noBom, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(onMalformed).onUnmappableCharacter(onMalformed)), 1 << 16);
    }

    /** A buffered reader over {@code file}. */
    public static BufferedReader reader(Path file, CodingErrorAction onMalformed) throws IOException {
        return reader(Files.newInputStream(file), onMalformed);
    }

    /** The whole of {@code file}. */
    public static String read(Path file, CodingErrorAction onMalformed) throws IOException {
        try (BufferedReader in = reader(file, onMalformed)) {
            return IOUtils.toString(in);
        }
    }

    /** Every line of {@code file}; invalid UTF-8 fails the read, naming the file. */
    public static List<String> lines(Path file) throws IOException {
        try (BufferedReader in = reader(file, CodingErrorAction.REPORT)) {
            return in.lines().toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException c)
                throw new IOException(file + " is not UTF-8 text (" + c + ")", c);
            throw e.getCause();
        }
    }
}
