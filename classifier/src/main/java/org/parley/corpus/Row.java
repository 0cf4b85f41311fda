package org.parley.corpus;

import java.util.List;
import org.apache.commons.csv.CSVRecord;

/** One record of a corpus file, with accessors whose errors say which column held what. */
final class Row {
    private final String file;
    private final CSVRecord record;

    Row(String file, CSVRecord record) {
        this.file = file;
        this.record = record;
    }

    /** Where this row is, for error messages and for ids of corpora that have none. */
    String where() {
        return file + " record " + record.getRecordNumber();
    }

    long number() {
        return record.getRecordNumber();
    }

    String get(String column) {
        if (!record.isMapped(column)) {
            throw new IllegalArgumentException("no column '" + column + "' (header: " + record.getParser().getHeaderNames() + ")");
        }
        if (!record.isSet(column)) throw new IllegalArgumentException("column '" + column + "' missing in this record");
        return record.get(column);
    }

    String get(int index) {
        if (index >= record.size()) throw new IllegalArgumentException("record has " + record.size() + " fields, wanted field " + index);
        return record.get(index);
    }

    List<String> header() {
        return record.getParser().getHeaderNames();
    }

    int size() {
        return record.size();
    }

    double decimal(String column) {
        return parse(column, get(column));
    }

    /** A 0/1 column (also accepts 0.0/1.0). */
    boolean flag(String column) {
        return flagValue(column, get(column));
    }

    static double parse(String column, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column '" + column + "': not a number: '" + value + "'");
        }
    }

    static boolean flagValue(String column, String value) {
        double v = parse(column, value);
        if (v != 0 && v != 1) throw new IllegalArgumentException("column '" + column + "': expected 0 or 1, was '" + value + "'");
        return v == 1;
    }
}
