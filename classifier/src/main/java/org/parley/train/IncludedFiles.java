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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Labelled files added to the training split only ({@code scripts/train --include-decisions}),
 * never to dev, so dev figures before and after stay comparable. Of the lines that say when their decision
 * was made ({@code decidedAt}, which exports write), only the latest per source and id across the files
 * trains: a comment rejected in one export and approved on appeal in a later one is the approval, where
 * averaging the two by text made an even split (or, with the first export named twice, a positive); the same
 * decision in two exports is one line, the one read first. A withdrawal (an export's line for a comment since
 * erased, escalated, reported or rejected for spam) trains nothing and ends what earlier lines said of its comment.
 * A line whose text is also a dev text is dropped.
 * Lines that share a text, in one file or across files, become one example as the corpora's duplicates do
 * ({@link Deduplicator}: labels averaged, an even split unlabelled): one text suggested twice, two comments
 * with one text, or files without {@code decidedAt}, would otherwise weigh it double. Each file is recorded
 * for the bundle's provenance: path, SHA-256, examples.
 *
 * @param examples what joins the training split
 * @param provenance per file: {@code file, bytes, sha256, examples, superseded, withdrawals, droppedAsDevTexts,
 *                   mergedDuplicates, droppedAsEvenSplits}; its superseded lines are those a later decision (or a
 *                   withdrawal) on the same source and id replaced, or an earlier file's line of the same decision; its
 *                   withdrawals are lines that withdraw a comment's label and train nothing themselves; its duplicates
 *                   are its lines whose text an earlier line has
 */
public record IncludedFiles(List<Example> examples, ArrayNode provenance) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One file as read and checked, before the dev split is known. */
    public record Read(Path file, long bytes, String sha256, List<LabelledFile.Line> lines) {}

    /**
     * Reads and checks every file, once: the bytes hashed are the bytes parsed. A bad line is refused
     * before the corpora's quarter minute is spent.
     */
    public static List<Read> read(List<Path> files) throws IOException {
        List<Read> out = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            out.add(new Read(f, bytes.length, BundleFile.sha256(bytes), LabelledFile.lines(f, bytes)));
        }
        return out;
    }

    public static IncludedFiles read(List<Path> files, List<Example> dev) throws IOException {
        return of(read(files), dev);
    }

    public static IncludedFiles of(List<Read> files, List<Example> dev) {
        List<List<Example>> standing = standing(files.stream().map(Read::lines).toList());
        List<Example> all = new ArrayList<>();
        ArrayNode provenance = JSON.createArrayNode();
        Deduplicator.Result before = Deduplicator.merge(List.of());
        for (int i = 0; i < files.size(); i++) {
            Read f = files.get(i);
            List<Example> current = standing.get(i);
            int withdrawals = (int) f.lines().stream().filter(LabelledFile.Line::isWithdrawal).count();
            List<Example> kept = DevSplit.withoutDevTexts(current, dev);
            all.addAll(kept);
            Deduplicator.Result after = Deduplicator.merge(all);
            int merged = after.merged() - before.merged();
            int evenSplits = after.unlabelled() - before.unlabelled();
            provenance.addObject().put("file", f.file().toString()).put("bytes", f.bytes())
                    .put("sha256", f.sha256()).put("examples", kept.size() - merged - evenSplits)
                    .put("superseded", f.lines().size() - withdrawals - current.size()).put("withdrawals", withdrawals)
                    .put("droppedAsDevTexts", current.size() - kept.size())
                    .put("mergedDuplicates", merged).put("droppedAsEvenSplits", evenSplits);
            before = after;
        }
        return new IncludedFiles(before.examples(), provenance);
    }

    /**
     * Per file, in order, the examples of its lines that stand: every line without {@code decidedAt}, and of those with
     * it the latest per source and id across the files; a withdrawal stands for nothing. scripts/evaluate --file reads
     * labels so too, so that two exports do not score a comment both as rejected and, on appeal, approved.
     */
    public static List<List<Example>> standing(List<List<LabelledFile.Line>> files) {
        Map<String, LabelledFile.Line> latest = new HashMap<>();
        for (List<LabelledFile.Line> f : files)
            for (LabelledFile.Line l : f)
                if (l.decidedAt() != null) latest.merge(key(l), l, IncludedFiles::later);
        List<List<Example>> out = new ArrayList<>();
        for (List<LabelledFile.Line> f : files) {
            List<Example> current = new ArrayList<>();
            for (LabelledFile.Line l : f)
                if (!l.isWithdrawal() && (l.decidedAt() == null || latest.get(key(l)) == l)) current.add(l.example());
            out.add(current);
        }
        return out;
    }

    /**
     * Of two lines on one comment, the one that stands: the later decision; on a tie, a withdrawal (an export writes one
     * as of the decision it withdraws, when the comment was since erased or reported), else the first read (the same
     * decision in two exports).
     */
    // The tie rule holds because what a withdrawal is as of (a report, an erasure) can only be undone by a new moderator
    // decision, which is later: open reports close with a decision or an erasure (CommentStore), never on their own. A
    // path that closed reports without a decision would leave the reinstated label losing this tie.
    private static LabelledFile.Line later(LabelledFile.Line was, LabelledFile.Line now) {
        if (now.decidedAt().isAfter(was.decidedAt())) return now;
        return now.decidedAt().equals(was.decidedAt()) && now.isWithdrawal() && !was.isWithdrawal() ? now : was;
    }

    /** Source and id: the comment (or suggestion) a line labels, the same in every export. */
    private static String key(LabelledFile.Line l) {
        return l.example().source() + "\u0000" + l.example().id();
    }
}
