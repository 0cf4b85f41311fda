package org.parley.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UTF-8 as users save it: a byte-order mark dropped, invalid bytes failing the read with their line or replaced. */
class Utf8FilesTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    @Test
    void aByteOrderMarkIsDroppedAndTheLinesReadAsTheyAre() throws IOException {
        Path file = write("marked.jsonl", BOM, "{\"id\": \"1\"}\nÉté, naïve\n\nlast".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("{\"id\": \"1\"}", "Été, naïve", "", "last"), Utf8Files.lines(file));
        assertEquals("{\"id\": \"1\"}\nÉté, naïve\n\nlast", Utf8Files.read(file, CodingErrorAction.REPORT));
    }

    /**
     * A data scientist's sixth audit: a lone carriage return (JSON's whitespace) ended a line, so a record with one inside
     * was two bad lines and each line after it numbered one more than {@code sed -n}'s. Lines end at a line feed, CRLF's
     * carriage return dropped.
     */
    @Test
    void aLineEndsAtALineFeedAloneItsCarriageReturnDropped() throws IOException {
        Path file = write("mixed.jsonl", "{\"id\": \"1\",\r\"text\": \"a\"}\r\nsecond\nthird\r\r\n\nlast\r".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("{\"id\": \"1\",\r\"text\": \"a\"}", "second", "third\r", "", "last"), Utf8Files.lines(file));
        try (var in = Utf8Files.reader(file, CodingErrorAction.REPORT)) {
            assertEquals("{\"id\": \"1\",\r\"text\": \"a\"}", in.readLine());
            assertEquals("second", in.readLine());
        }
        assertEquals(List.of(), Utf8Files.lines(write("empty.jsonl", new byte[0])));
        // An old Mac's file, with carriage returns and no line feed, ends each line at one (a check of the mends: read as
        // one line for a day).
        assertEquals(List.of("{\"id\": \"1\"}", "{\"id\": \"2\"}", "", "last"),
                Utf8Files.lines(write("mac.jsonl", "{\"id\": \"1\"}\r{\"id\": \"2\"}\r\rlast\r".getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(""), Utf8Files.lines(write("one-break.jsonl", "\n".getBytes(StandardCharsets.UTF_8))));
    }

    /** scripts/score's reader: invalid bytes read as REPLACE reads them, across the decoder's buffers, and told once. */
    @Test
    void aTellingReaderReadsAsReplaceDoesAndTellsOnce() throws IOException {
        byte[] text = ("é€😀".repeat(40_000) + "\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes(text);
        bytes.write(0xE9); // Latin-1's é
        bytes.writeBytes(text);
        bytes.write(0xFF);
        bytes.writeBytes("end".getBytes(StandardCharsets.UTF_8));
        Path file = write("mixed.txt", bytes.toByteArray());
        int[] told = {0};
        String read;
        try (var in = Utf8Files.reader(Files.newInputStream(file), () -> told[0]++)) {
            read = org.apache.commons.io.IOUtils.toString(in);
        }
        assertEquals(Utf8Files.read(file, CodingErrorAction.REPLACE), read);
        assertEquals(1, told[0]);
        int[] none = {0};
        try (var in = Utf8Files.reader(Files.newInputStream(write("fine.txt", text)), () -> none[0]++)) {
            assertEquals(new String(text, StandardCharsets.UTF_8), org.apache.commons.io.IOUtils.toString(in));
        }
        assertEquals(0, none[0]);
    }

    @Test
    void invalidBytesFailTheLinesNamingTheFileAndTheFirstBadLine() throws IOException {
        Path file = write("latin1.txt", "fine\nalso fine\n".getBytes(StandardCharsets.UTF_8),
                "caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1), "na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> Utf8Files.lines(file));
        assertEquals(file + " is not UTF-8 text: line 3 has bytes that are not UTF-8", e.getMessage());
        assertEquals(3, Utf8Files.firstBadLine(file));
        assertEquals("fine\nalso fine\ncaf\uFFFD\nna\uFFFDve\n", Utf8Files.read(file, CodingErrorAction.REPLACE));
    }

    @Test
    void aFileWithoutABadLineHasNone() throws IOException {
        assertEquals(0, Utf8Files.firstBadLine(write("good.txt", "one\ntwo, ünïcode\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals(0, Utf8Files.firstBadLine(write("empty.txt")));
        assertEquals(1, Utf8Files.firstBadLine(write("first.txt", new byte[] {'a', (byte) 0xC3})), "a line cut inside a char");
        assertEquals(2, Utf8Files.firstBadLine(write("last.txt", "ok\n".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF})),
                "the last line, without a line break");
    }

    private Path write(String name, byte[]... parts) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) all.writeBytes(part);
        return Files.write(dir.resolve(name), all.toByteArray());
    }
}
