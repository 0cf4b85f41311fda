package org.parley.thread;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.io.input.BOMInputStream;

/** Scraped page files (seeds/, scripts/import-page and scripts/targets) as the parsers read them. */
public final class PageFiles {
    private PageFiles() {}

    /**
     * The file as UTF-8 text, invalid bytes as U+FFFD. A leading byte-order mark, which a page saved
     * by a Windows editor starts with, is dropped: left in, it hides the first line's page chrome.
     */
    public static String read(Path page) throws IOException {
        try (InputStream in = BOMInputStream.builder().setPath(page).get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
