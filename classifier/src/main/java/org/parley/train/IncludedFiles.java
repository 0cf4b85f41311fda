package org.parley.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.parley.corpus.DevSplit;
import org.parley.corpus.Example;
import org.parley.corpus.LabelledFile;
import org.parley.model.BundleFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled files added to the training split only ({@code scripts/train --include-decisions}),
 * never to dev, so dev figures before and after stay comparable. A line whose text is also a dev
 * text is dropped. Each file is recorded for the bundle's provenance: path, SHA-256, examples.
 *
 * @param examples what joins the training split
 * @param provenance per file: {@code file, bytes, sha256, examples, droppedAsDevTexts}
 */
public record IncludedFiles(List<Example> examples, ArrayNode provenance) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static IncludedFiles read(List<Path> files, List<Example> dev) throws IOException {
        List<Example> all = new ArrayList<>();
        ArrayNode provenance = JSON.createArrayNode();
        for (Path f : files) {
            List<Example> read = LabelledFile.read(f);
            List<Example> kept = DevSplit.withoutDevTexts(read, dev);
            byte[] bytes = Files.readAllBytes(f);
            provenance.addObject().put("file", f.toString()).put("bytes", bytes.length)
                    .put("sha256", BundleFile.sha256(bytes)).put("examples", kept.size())
                    .put("droppedAsDevTexts", read.size() - kept.size());
            all.addAll(kept);
        }
        return new IncludedFiles(List.copyOf(all), provenance);
    }
}
