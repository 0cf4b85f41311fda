package org.parley.service.store;

import com.google.common.collect.Lists;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.parley.thread.QuotedPassages;
import org.parley.thread.QuotedPassages.Marker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The passages of erased comments that other replies quote further down their {@code quote}: a second quoted passage
 * after its marker line ("320.Dana Smith wrote:"), or a quoted quote's inner passage, as {@code import-page} writes them
 * ({@link QuotedPassages}). A reply's parent is the first comment it quotes, so {@link ErasureLocks}' rules (by parent id
 * or number, or parent author) never found these (forty-sixth session). Found here by the marker: on the erased comment's
 * article, one giving its number (the first comment of that number, as a reply by number finds its parent), and, for an
 * author's erasure, one giving their name anywhere on the site, as a reply's parent author is matched.
 *
 * @param site    the site of the comments erased
 * @param numbers by article key, the numbers of the comments erased now
 * @param author  the name whose every marker goes on the site ({@code scripts/erase --author}); null for an erasure by id
 */
record ErasedPassages(String site, Map<String, Set<Integer>> numbers, String author) {
    /** An author's erasure: the site and the name, exactly as the site sent it. */
    record Author(String site, String name) {}

    /** "wrote:" is in every marker line: the statements read only the quotes that may hold one. */
    private static final String BY_NUMBER = "SELECT id, article_id, quote FROM comments WHERE <site> AND article_id = :article"
            + " AND quote LIKE :pattern ESCAPE '!'";
    private static final String BY_AUTHOR = "SELECT id, article_id, quote FROM comments WHERE <site> AND quote LIKE :pattern ESCAPE '!'";

    /** True when {@code m}, in the quote of a comment on article {@code article}, names a comment or author erased. */
    boolean names(String article, Marker m) {
        return m.author().equals(author) || numbers.getOrDefault(article, Set.of()).contains(m.number());
    }

    /** Of {@code site}'s comments, those whose quote has a marker naming one of these: the rows the erasure rewrites. */
    Set<String> quoting(Handle h) {
        Set<String> out = new HashSet<>();
        numbers.forEach((article, set) -> {
            for (int n : set)
                for (Row r : read(h, BY_NUMBER, "%" + n + ".%wrote:%").bind("article", article).map(Row::of).list())
                    if (QuotedPassages.markers(r.quote()).stream().anyMatch(m -> m.number() == n)) out.add(r.id());
        });
        if (author != null)
            for (Row r : read(h, BY_AUTHOR, "%" + escaped(author) + "%wrote:%").map(Row::of).list())
                if (QuotedPassages.markers(r.quote()).stream().anyMatch(m -> m.author().equals(author))) out.add(r.id());
        return out;
    }

    /**
     * Takes the passages these name out of the quotes of {@code keys}, locked: the marker line and its passage, as a
     * reply of an erased comment loses its whole quote; what the reply quotes of others stays. A quote left with
     * nothing is NULL. The parent author stays: it names the first comment quoted, not erased.
     */
    void takeOut(Handle h, Collection<String> keys) {
        for (List<String> part : Lists.partition(List.copyOf(keys), 1000))
            for (Row r : h.createQuery("SELECT id, article_id, quote FROM comments WHERE id IN (<keys>)").bindList("keys", part)
                    .map(Row::of).list()) {
                String left = QuotedPassages.without(r.quote(), m -> names(r.article(), m));
                if (!Objects.equals(left, r.quote()))
                    h.createUpdate("UPDATE comments SET quote = :quote WHERE id = :id").bind("quote", left).bind("id", r.id()).execute();
            }
    }

    /** A comment's key, its article's key and its quote. */
    private record Row(String id, String article, String quote) {
        static Row of(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getString("id"), rs.getString("article_id"), rs.getString("quote"));
        }
    }

    private Query read(Handle h, String sql, String pattern) {
        Query q = h.createQuery(sql.replace("<site>", ErasureLocks.sameSite(site))).bind("pattern", pattern);
        return site == null ? q : q.bind("site", site);
    }

    /** {@code name} as a LIKE pattern matches it, character for character. */
    private static String escaped(String name) {
        return name.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
