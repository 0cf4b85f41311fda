package org.parley.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.parley.io.Utf8Files;

/**
 * Opens the delimited files of training-data/ (plain or gzipped) with a real CSV parser and hands
 * out {@link Row}s whose errors name the file and record.
 */
final class Table {
    private static final CSVFormat BASE = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .setIgnoreEmptyLines(true)
            .get();

    /** Comma-separated, RFC 4180 quoting, header row. */
    static final CSVFormat CSV = BASE;
    /** Tab-separated with CSV quoting, header row (OLID, HASOC, GHC, implicit hate). */
    static final CSVFormat TSV = BASE.builder().setDelimiter('\t').get();
    /** Tab-separated, no quoting at all: a {@code "} is text (CAD). */
    static final CSVFormat TSV_UNQUOTED = BASE.builder().setDelimiter('\t').setQuote(null).get();
    /** Semicolon-separated with CSV quoting (ETHOS). */
    static final CSVFormat SEMICOLON = BASE.builder().setDelimiter(';').get();

    private Table() {}

    /** A comma-separated file that has no header row; {@code columns} names its columns. */
    static CSVFormat headerless(String... columns) {
        return BASE.builder().setHeader(columns).setSkipHeaderRecord(false).get();
    }

    /** Opens {@code dir/file}, or {@code dir/file.gz} when only the compressed copy exists. */
    static BufferedReader open(Path dir, String file) throws IOException {
        Path plain = dir.resolve(file);
        Path gz = dir.resolve(file + ".gz");
        InputStream in;
        if (Files.isRegularFile(plain)) {
            in = Files.newInputStream(plain);
        } else if (Files.isRegularFile(gz)) {
            in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
        } else {
            throw new NoSuchFileException(plain.toString(), null, "neither it nor " + gz.getFileName() + " exists");
        }
        // Invalid bytes become U+FFFD, as they always have here; a labelled file may start with a byte-order mark.
        return Utf8Files.reader(in, CodingErrorAction.REPLACE);
    }

    static boolean exists(Path dir, String file) {
        return Files.isRegularFile(dir.resolve(file)) || Files.isRegularFile(dir.resolve(file + ".gz"));
    }

    /** Every record of {@code dir/file}. */
    static List<Row> read(Path dir, String file, CSVFormat format) throws IOException {
        String where = dir.getFileName() + "/" + file;
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = open(dir, file); CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord r : parser) rows.add(new Row(where, r));
        } catch (java.io.UncheckedIOException e) {
            throw new IOException(where + ": " + e.getCause().getMessage(), e.getCause());
        }
        return rows;
    }

    /**
     * Maps rows to examples (or posts); {@code null} results are skipped. A mapping error is rethrown with
     * the file and record it came from.
     */
    static <T> List<T> map(List<Row> rows, Function<Row, T> mapping) {
        List<T> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            T e;
            try {
                e = mapping.apply(row);
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(row.where() + ": " + ex.getMessage(), ex);
            }
            if (e != null) out.add(e);
        }
        return out;
    }
}
