package org.parley.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.label.ReplyStance;

/**
 * RumourEval 2017 and 2019 (SDQC) as (reply, parent) pairs. The flat files give each post its
 * {@code parent_id}; the parent's text is looked up among all posts of both files, falling back
 * to the thread's source post. Source posts themselves answer nothing and are left out. 2019's
 * training part contains all of 2017, so posts are de-duplicated on id (2019 first). Reddit posts
 * whose text is missing ({@code has_text} = 0) are dropped.
 */
public final class ReplyCorpora {
    public static final List<String> NAMES = List.of("rumoureval2019", "rumoureval2017");

    private ReplyCorpora() {}

    public static List<ReplyExample> load(Path root) throws IOException {
        List<Post> posts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Row r : Table.read(root.resolve("rumoureval2019"), "rumoureval2019_subtaskA_train_dev.csv", Table.CSV)) {
            if (!r.flag("has_text")) continue;
            Post p = new Post("rumoureval2019", r.get("post_id"), r.get("parent_id"), r.get("text"), r.get("source_text"), r.get("label"), r.where());
            if (seen.add(p.id)) posts.add(p);
        }
        for (Row r : Table.read(root.resolve("rumoureval2017"), "rumoureval2017_subtaskA_train_dev.csv", Table.CSV)) {
            Post p = new Post("rumoureval2017", r.get("tweet_id"), r.get("parent_id"), r.get("text"), r.get("source_text"), r.get("label"), r.where());
            if (seen.add(p.id)) posts.add(p);
        }
        Map<String, String> textById = new HashMap<>();
        for (Post p : posts) textById.put(p.id, p.text);
        List<ReplyExample> out = new ArrayList<>();
        for (Post p : posts) {
            if (p.parentId.isBlank() || p.text.isBlank()) continue;
            String parent = textById.getOrDefault(p.parentId, p.sourceText);
            out.add(new ReplyExample(p.source, p.id, p.sourceText, p.text, parent, label(p.label, p.where)));
        }
        return out;
    }

    /** Whole threads fall on one side: the content hash of the thread's source post. */
    public static boolean isDev(ReplyExample e) {
        return DevSplit.isDevText(e.thread());
    }

    static ReplyStance label(String value, String where) {
        try {
            return ReplyStance.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": label must be support, deny, query or comment, was '" + value + "'");
        }
    }

    private record Post(String source, String id, String parentId, String text, String sourceText, String label, String where) {}
}
