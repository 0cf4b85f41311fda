package org.parley.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The "mapping as loaded" column of training-data/README.md's corpus table: per corpus folder, in
 * words, which of its labels become which attribute or stance class. The readers are the rules;
 * this table is their one written account, copied into each bundle's provenance so a bundle says
 * how its labels were made without the code at hand.
 */
public final class MappingTable {
    /** The table's file, relative to training-data/. */
    public static final String FILE = "README.md";
    static final String COLUMN = "mapping as loaded";

    private MappingTable() {}

    /**
     * Folder → mapping text, in the table's order.
     *
     * @throws IllegalStateException if the file has no table with that column, or a row of it has
     *     another number of cells than its header (a stray '|' would shift every later cell)
     */
    public static Map<String, String> read(Path trainingData) throws IOException {
        Path file = trainingData.resolve(FILE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        int column = -1;
        int width = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                if (!out.isEmpty()) break; // the table ended
                continue;
            }
            List<String> cells = cells(line);
            if (column < 0) { // not yet in the table: look for its header
                column = cells.indexOf(COLUMN);
                width = cells.size();
                continue;
            }
            if (line.startsWith("|---")) continue;
            if (cells.size() != width)
                throw new IllegalStateException(file + " line " + (i + 1) + ": " + cells.size() + " cells, its header has " + width);
            out.put(cells.get(0).replace("`", ""), cells.get(column));
        }
        if (column < 0 || out.isEmpty()) throw new IllegalStateException(file + ": no table with a '" + COLUMN + "' column");
        return out;
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
