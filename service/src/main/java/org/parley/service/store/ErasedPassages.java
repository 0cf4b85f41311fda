package org.parley.service.store;

import com.google.common.collect.Lists;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.text.BlankText;
import org.parley.thread.QuotedPassages;
import org.parley.thread.QuotedPassages.Marker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The passages of erased comments that other replies quote further down their {@code quote}: a second quoted passage
 * after its marker line ("320.Dana Smith wrote:"), or a quoted quote's inner passage, as {@code import-page} writes them
 * ({@link QuotedPassages}). A reply's parent is the first comment it quotes, so {@link ErasureLocks}' rules (by parent id
 * or number, or parent author) never found these (forty-sixth session). Found here by the marker: on the erased comment's
 * article, one giving its number (the first comment of that number, as a reply by number finds its parent), and, for an
 * author's erasure, one giving their name anywhere on the site, as a reply's parent author is matched.
 *
 * <p>Since the forty-seventh session a comment stored with the thread format's {@code alsoQuotes} names what it quotes in
 * rows of its own ({@link CommentQuotes}): those naming an erased comment (by its id, else by its number on its article)
 * or author are found by index, lose their copies (author, passage), and the passage they hold goes from the quote
 * word for word, whatever marker (or none) the site wrote above it. The markers are still read, for rows stored before.
 *
 * @param site    the site of the comments erased
 * @param numbers by article key, the numbers of the comments erased now
 * @param ids     the site's ids of the comments erased now
 * @param author  the name whose every marker goes on the site ({@code scripts/erase --author}); null for an erasure by id
 */
record ErasedPassages(String site, Map<String, Set<Integer>> numbers, Set<String> ids, String author) {
    /** An author's erasure: the site and the name, exactly as the site sent it. */
    record Author(String site, String name) {}

    /** "wrote:" is in every marker line: the statements read only the quotes that may hold one. */
    private static final String BY_NUMBER = "SELECT id, article_id, quote FROM comments WHERE <site> AND article_id = :article"
            + " AND quote LIKE :pattern ESCAPE '!'";
    private static final String BY_AUTHOR = "SELECT id, article_id, quote FROM comments WHERE <site> AND quote LIKE :pattern ESCAPE '!'";

    /** The entries of comment_quotes that may name one of these, each a statement an index reads (changeset 21). */
    private static final String QUOTED_BY_ID = "SELECT comment_id FROM comment_quotes WHERE <site> AND quoted_id IN (<ids>)";
    private static final String QUOTED_BY_NUMBER = "SELECT comment_id FROM comment_quotes WHERE article_id = :article"
            + " AND quoted_number IN (<numbers>) AND quoted_id IS NULL";
    private static final String QUOTED_BY_AUTHOR = "SELECT comment_id FROM comment_quotes WHERE <site> AND author = :author";
    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

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
        out.addAll(quotingByStructure(h));
        return out;
    }

    /** The comments whose stored alsoQuotes name one of these: by the quoted id, else number, or by the author's name. */
    private Set<String> quotingByStructure(Handle h) {
        Set<String> out = new HashSet<>();
        for (List<String> part : Lists.partition(List.copyOf(ids), 1000))
            out.addAll(ofSite(h.createQuery(QUOTED_BY_ID.replace("<site>", ErasureLocks.sameSite(site)))).bindList("ids", part)
                    .mapTo(String.class).list());
        numbers.forEach((article, set) -> {
            for (List<Integer> part : Lists.partition(List.copyOf(set), 1000))
                out.addAll(h.createQuery(QUOTED_BY_NUMBER).bind("article", article).bindList("numbers", part).mapTo(String.class).list());
        });
        if (author != null)
            out.addAll(ofSite(h.createQuery(QUOTED_BY_AUTHOR.replace("<site>", ErasureLocks.sameSite(site)))).bind("author", author)
                    .mapTo(String.class).list());
        return out;
    }

    /** True when the stored entry names a comment or author erased: by its id where it has one, else its number. */
    private boolean names(String article, AlsoQuoted q) {
        if (author != null && author.equals(q.author())) return true;
        return q.id() != null ? ids.contains(q.id()) : q.number() != null && numbers.getOrDefault(article, Set.of()).contains(q.number());
    }

    /**
     * Takes the passages these name out of the quotes of {@code keys}, locked: the marker line and its passage, as a
     * reply of an erased comment loses its whole quote; what the reply quotes of others stays. A quote left with
     * nothing is NULL. The parent author stays: it names the first comment quoted, not erased.
     */
    void takeOut(Handle h, Collection<String> keys) {
        for (List<String> part : Lists.partition(List.copyOf(keys), 1000)) {
            Map<String, List<AlsoQuoted>> entries = CommentQuotes.of(h, part);  // the part's entries in one query
            for (Row r : h.createQuery("SELECT id, article_id, quote FROM comments WHERE id IN (<keys>)").bindList("keys", part)
                    .map(Row::of).list()) {
                String left = QuotedPassages.without(r.quote(), m -> names(r.article(), m));
                List<AlsoQuoted> quoted = entries.getOrDefault(r.id(), List.of());
                for (int i = 0; i < quoted.size(); i++) {
                    if (!names(r.article(), quoted.get(i))) continue;
                    left = withoutPassage(left, quoted.get(i).passage());
                    CommentQuotes.forget(h, r.id(), i);
                }
                if (!Objects.equals(left, r.quote()))
                    h.createUpdate("UPDATE comments SET quote = :quote WHERE id = :id").bind("quote", left).bind("id", r.id()).execute();
            }
        }
    }

    /**
     * {@code quote} without each copy of {@code passage}, the words a stored entry says it quotes of an erased comment,
     * and the blank paragraphs that leaves; null when nothing is left. Unchanged when it holds none (the marker path
     * took it out, or the site's quote did not hold it).
     */
    static String withoutPassage(String quote, String passage) {
        if (quote == null || passage == null || !quote.contains(passage)) return quote;
        List<String> kept = new ArrayList<>();
        for (String p : BLANK_LINES.split(quote.replace(passage, ""), -1)) if (!BlankText.is(p)) kept.add(p.strip());
        return kept.isEmpty() ? null : String.join("\n\n", kept);
    }

    /** A comment's key, its article's key and its quote. */
    private record Row(String id, String article, String quote) {
        static Row of(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getString("id"), rs.getString("article_id"), rs.getString("quote"));
        }
    }

    private Query read(Handle h, String sql, String pattern) {
        return ofSite(h.createQuery(sql.replace("<site>", ErasureLocks.sameSite(site))).bind("pattern", pattern));
    }

    private Query ofSite(Query q) {
        return ErasureLocks.ofSite(q, site);
    }

    /** {@code name} as a LIKE pattern matches it, character for character. */
    private static String escaped(String name) {
        return name.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
