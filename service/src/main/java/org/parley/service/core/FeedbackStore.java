package org.parley.service.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.label.Attribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;

/**
 * Suggested scores kept for retraining, one line per suggestion in the labelled-data format
 * (docs/labelled-data-format.md), so {@code scripts/evaluate --file} and training read them as
 * they are. A file for now; a database in a later issue.
 */
public final class FeedbackStore {
    public static final String FILE = "suggested-scores.jsonl";
    public static final String SOURCE = "suggestscore";

    private final Path file;
    private final ObjectMapper json;

    public FeedbackStore(Path directory, ObjectMapper json) {
        this.file = directory.resolve(FILE);
        this.json = json;
    }

    public Path file() {
        return file;
    }

    /** @return the id the line was stored under */
    public synchronized String append(String text, Map<Attribute, Double> labels) {
        String id = UUID.randomUUID().toString();
        ObjectNode line = json.createObjectNode().put("id", id).put("source", SOURCE).put("text", text);
        ObjectNode l = line.putObject("labels");
        labels.forEach((a, v) -> l.put(a.name(), v));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json.writeValueAsString(line) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append feedback to " + file, e);
        }
        return id;
    }
}
