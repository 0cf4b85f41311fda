package org.parley.service.resources;

import org.parley.service.auth.Caller;
import org.parley.service.access.Role;
import org.parley.service.errors.ApiException;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which stored comment a caller means by an id. Ids are each site's own (changelog 15-comment-local-id), so an
 * id names one comment per site: the caller means one of those of the sites it {@link Caller#reachedSites reaches}.
 * Another site's is as one never stored: the same 404, and its row is neither read nor locked ({@link CommentStore#named}).
 */
final class CommentLookup {
    private CommentLookup() {}

    /**
     * @param site  null: any of the caller's sites; "": the comments stored before sites were kept; else that site
     * @param field the request's field for the site, named when the id is not enough ("site", "comments[3].site")
     * @return empty when none of the caller's sites has a comment with this id
     * @throws ApiException 400 naming {@code field} when, without a site, the id names comments of several of the
     *                      caller's sites: a moderator of those sites, who is asked to choose rather than given a
     *                      guess. A website's key reaches its site and the comments the key stored before its site
     *                      was named; with one of each, it means its site's.
     */
    static Optional<StoredComment> find(CommentStore store, String id, String site, Caller caller, String field) {
        List<StoredComment> reached = store.named(id, caller.reachedSites()).stream()
                .filter(c -> site == null || Objects.equals(c.site(), site.isEmpty() ? null : site))
                .toList();
        if (reached.size() <= 1) return reached.stream().findFirst();
        if (!caller.role().includes(Role.MODERATOR)) {
            Optional<StoredComment> own = reached.stream().filter(c -> caller.site().equals(c.site())).findFirst();
            if (own.isPresent()) return own;
        }
        List<String> sites = reached.stream().map(c -> c.site() == null ? "'' (stored before sites were kept)" : "'" + c.site() + "'")
                .sorted(Comparator.naturalOrder()).toList();
        throw new ApiException(400, field, null, "id '" + ApiException.shown(id) + "' names a comment of each of the sites "
                + String.join(", ", sites) + ": give " + field + " to say which");
    }
}
