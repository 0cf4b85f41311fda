package org.parley.service.store;

import com.google.common.collect.Lists;
import org.jdbi.v3.core.Handle;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.service.moderation.NewComment;
import org.parley.thread.QuotedPassages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The stored comments that new replies answer, by {@link CommentStore#parent}'s rule, found a few statements to a call:
 * by id, one for each site's ids; by number, one for each site's article, the first stored comment of each number
 * (ties by key, in the database's order, as {@code parent} sorts). One {@code parent} query for each reply of a thread
 * cost the insert about a statement more per comment ({@link ErasureLocks#lockParents}; docs/known-gaps.md).
 */
final class ReplyParents {
    private ReplyParents() {}

    /** Ids or numbers bound to one statement at most, as the erasure's updates bind keys. */
    private static final int CHUNK = 1000;
    private static final String BY_ID = "SELECT c.id, c.local_id" + CommentStore.FROM
            + " WHERE c.local_id IN (<ids>) AND c.site IS NOT DISTINCT FROM :site";
    private static final String BY_NUMBER = "SELECT c.id, c.number" + CommentStore.FROM
            + " WHERE a.local_id = :article AND c.number IN (<numbers>) AND c.site IS NOT DISTINCT FROM :site"
            + " ORDER BY c.number, c.created_at, c.id";

    /** The comments that name their parent by number alone, of one site's article. */
    private record Article(String site, String id) {}

    /**
     * For each of {@code comments}, the key of the stored comment it answers, or null: by its parent id if it has one
     * (a comment of its own site's), else by its parent number (the first of it on its site's article).
     */
    static String[] keys(Handle h, List<NewComment> comments) {
        Map<String, List<String>> ids = new HashMap<>();  // by site, null among them
        Map<Article, List<Integer>> numbers = new LinkedHashMap<>();
        for (NewComment c : comments) {
            if (c.parentId() != null) ids.computeIfAbsent(c.site(), s -> new ArrayList<>()).add(c.parentId());
            else if (c.parentNumber() != null)
                numbers.computeIfAbsent(new Article(c.site(), c.articleId()), a -> new ArrayList<>()).add(c.parentNumber());
        }
        Map<String, Map<String, String>> byId = byIds(h, ids);
        Map<Article, Map<Integer, String>> byNumber = firstOfNumbers(h, numbers);
        String[] out = new String[comments.size()];
        for (int i = 0; i < out.length; i++) {
            NewComment c = comments.get(i);
            if (c.parentId() != null) out[i] = byId.get(c.site()).get(c.parentId());
            else if (c.parentNumber() != null) out[i] = byNumber.get(new Article(c.site(), c.articleId())).get(c.parentNumber());
        }
        return out;
    }

    /** The stored keys of the comments named by their site's ids, by site and id; an id not stored is absent. */
    private static Map<String, Map<String, String>> byIds(Handle h, Map<String, List<String>> ids) {
        Map<String, Map<String, String>> byId = new HashMap<>();
        ids.forEach((site, list) -> {
            Map<String, String> found = byId.computeIfAbsent(site, s -> new HashMap<>());
            for (List<String> part : chunks(list))
                h.createQuery(BY_ID).bindList("ids", part).bind("site", site)
                        .map((rs, ctx) -> Map.entry(rs.getString("local_id"), rs.getString("id")))
                        .forEach(e -> found.put(e.getKey(), e.getValue()));
        });
        return byId;
    }

    /**
     * For each of {@code comments}, the stored comments that the markers further down its quote name by number
     * ({@link QuotedPassages#markers}: a second quoted passage, or a quoted quote's inner one), each the first of its
     * number on the comment's site's article, as a reply by number finds its parent; empty for a quote without one.
     */
    static List<Map<Integer, String>> quoted(Handle h, List<NewComment> comments) {
        List<List<QuotedPassages.Marker>> markers = comments.stream().map(c -> QuotedPassages.markers(c.quote())).toList();
        Map<Article, List<Integer>> numbers = new LinkedHashMap<>();
        for (int i = 0; i < comments.size(); i++)
            for (QuotedPassages.Marker m : markers.get(i))
                numbers.computeIfAbsent(new Article(comments.get(i).site(), comments.get(i).articleId()), a -> new ArrayList<>()).add(m.number());
        Map<Article, Map<Integer, String>> byNumber = firstOfNumbers(h, numbers);
        List<Map<Integer, String>> out = new ArrayList<>(comments.size());
        for (int i = 0; i < comments.size(); i++) {
            NewComment c = comments.get(i);
            Map<Integer, String> found = byNumber.getOrDefault(new Article(c.site(), c.articleId()), Map.of());
            Map<Integer, String> named = new HashMap<>();
            for (QuotedPassages.Marker m : markers.get(i))
                if (found.containsKey(m.number())) named.put(m.number(), found.get(m.number()));
            out.add(named);
        }
        return out;
    }

    /**
     * For each of {@code comments}, the key of the stored comment each of its alsoQuotes entries names, or null: by the
     * entry's id (a comment of its own site's), else by its number (the first of it on the comment's article), as a
     * parent is found ({@link #keys}).
     */
    static List<List<String>> alsoQuoted(Handle h, List<NewComment> comments) {
        Map<String, List<String>> ids = new HashMap<>();
        Map<Article, List<Integer>> numbers = new LinkedHashMap<>();
        for (NewComment c : comments)
            for (AlsoQuoted q : c.alsoQuotes()) {
                if (q.id() != null) ids.computeIfAbsent(c.site(), s -> new ArrayList<>()).add(q.id());
                else if (q.number() != null)
                    numbers.computeIfAbsent(new Article(c.site(), c.articleId()), a -> new ArrayList<>()).add(q.number());
            }
        Map<String, Map<String, String>> byId = byIds(h, ids);
        Map<Article, Map<Integer, String>> byNumber = firstOfNumbers(h, numbers);
        List<List<String>> out = new ArrayList<>(comments.size());
        for (NewComment c : comments) {
            List<String> keys = new ArrayList<>(c.alsoQuotes().size());
            for (AlsoQuoted q : c.alsoQuotes())
                keys.add(q.id() != null ? byId.getOrDefault(c.site(), Map.of()).get(q.id())
                        : q.number() == null ? null : byNumber.getOrDefault(new Article(c.site(), c.articleId()), Map.of()).get(q.number()));
            out.add(keys);
        }
        return out;
    }

    /** By article, the key of the first stored comment of each of its numbers that has one. */
    private static Map<Article, Map<Integer, String>> firstOfNumbers(Handle h, Map<Article, List<Integer>> numbers) {
        Map<Article, Map<Integer, String>> byNumber = new HashMap<>();
        numbers.forEach((article, list) -> {
            Map<Integer, String> first = byNumber.computeIfAbsent(article, a -> new HashMap<>());
            for (List<Integer> part : chunks(list))
                h.createQuery(BY_NUMBER).bindList("numbers", part).bind("article", article.id()).bind("site", article.site())
                        .map((rs, ctx) -> Map.entry(rs.getInt("number"), rs.getString("id")))
                        .forEach(e -> first.putIfAbsent(e.getKey(), e.getValue()));  // sorted: the first of each number
        });
        return byNumber;
    }

    /** {@code list} without repeats, in statements' worth. */
    private static <T> List<List<T>> chunks(List<T> list) {
        return Lists.partition(List.copyOf(new LinkedHashSet<>(list)), CHUNK);
    }
}
