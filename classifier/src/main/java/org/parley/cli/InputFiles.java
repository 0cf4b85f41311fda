package org.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.input.BOMInputStream;

/**
 * The files a user hands the scripts, read as UTF-8. A leading byte-order mark, which Notepad,
 * Excel's "CSV UTF-8" and PowerShell write, is dropped: left in, it makes line 1 invalid JSON.
 */
final class InputFiles {
    private InputFiles() {}

    /** Every line of {@code file}; invalid UTF-8 is an error, as with {@code Files.readAllLines}. */
    static List<String> lines(Path file) throws IOException {
        try (BufferedReader in = reader(Files.newInputStream(file), CodingErrorAction.REPORT)) {
            return in.lines().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A reader over {@code in}; {@code onMalformed} REPLACE turns invalid UTF-8 into U+FFFD. */
    static BufferedReader reader(InputStream in, CodingErrorAction onMalformed) throws IOException {
        InputStream noBom = BOMInputStream.builder().setInputStream(in).get();
        return new BufferedReader(new InputStreamReader(noBom, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(onMalformed).onUnmappableCharacter(onMalformed)), 1 << 16);
    }
}
