package org.parley.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.parley.corpus.Deduplicator;
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
 * text is dropped. Lines that share a text, in one file or across files, become one example as the
 * corpora's duplicates do ({@link Deduplicator}: labels averaged, an even split unlabelled): two
 * exports that overlap, or one text suggested twice, would otherwise weigh it double. Each file is
 * recorded for the bundle's provenance: path, SHA-256, examples.
 *
 * @param examples what joins the training split
 * @param provenance per file: {@code file, bytes, sha256, examples, droppedAsDevTexts, mergedDuplicates,
 *                   droppedAsEvenSplits}; a file's duplicates are its lines whose text an earlier line has
 */
public record IncludedFiles(List<Example> examples, ArrayNode provenance) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file as read and checked, before the dev split is known. */
    public record Read(Path file, long bytes, String sha256, List<Example> examples) {}

    /**
     * Reads and checks every file, once: the bytes hashed are the bytes parsed. A bad line is refused
     * before the corpora's quarter minute is spent.
     */
    public static List<Read> read(List<Path> files) throws IOException {
        List<Read> out = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            out.add(new Read(f, bytes.length, BundleFile.sha256(bytes), LabelledFile.read(f, bytes)));
        }
        return out;
    }

    public static IncludedFiles read(List<Path> files, List<Example> dev) throws IOException {
        return of(read(files), dev);
    }

    public static IncludedFiles of(List<Read> files, List<Example> dev) {
        List<Example> all = new ArrayList<>();
        ArrayNode provenance = JSON.createArrayNode();
        Deduplicator.Result before = Deduplicator.merge(List.of());
        for (Read f : files) {
            List<Example> kept = DevSplit.withoutDevTexts(f.examples(), dev);
            all.addAll(kept);
            Deduplicator.Result after = Deduplicator.merge(all);
            int merged = after.merged() - before.merged();
            int evenSplits = after.unlabelled() - before.unlabelled();
            provenance.addObject().put("file", f.file().toString()).put("bytes", f.bytes())
                    .put("sha256", f.sha256()).put("examples", kept.size() - merged - evenSplits)
                    .put("droppedAsDevTexts", f.examples().size() - kept.size())
                    .put("mergedDuplicates", merged).put("droppedAsEvenSplits", evenSplits);
            before = after;
        }
        return new IncludedFiles(before.examples(), provenance);
    }
}
