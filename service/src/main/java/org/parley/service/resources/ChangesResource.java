package org.parley.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.parley.service.access.Role;
import org.parley.service.auth.Caller;
import org.parley.service.core.RequestChecks;
import org.parley.service.errors.ApiException;
import org.parley.service.moderation.Checks;
import org.parley.service.store.SiteChanges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A site's comments decided since their arrival (a moderator's decision, an erasure; not a reader's report), oldest first,
 * from where its last page ended: how a site learns that a comment it holds for review was approved, without asking each
 * one's status (a website integrator's audit, sixty-sixth session). A change is listed once no transaction that may still
 * commit one before it is running (on PostgreSQL; on H2, once it is {@link #SETTLE} old): {@link SiteChanges}.
 */
@Path("/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.WEBSITE_NAME)
public final class ChangesResource {
    public static final int MAX_PAGE = 500;
    /** On H2: longer than a decision's transaction takes from its time to its commit (its lock waits end within a second). */
    public static final Duration SETTLE = Duration.ofSeconds(60);
    private static final Set<String> PARAMETERS = Set.of("after", "limit", "site", "key");

    private final SiteChanges changes;
    private final Clock clock;
    private final Duration settle;

    public ChangesResource(SiteChanges changes, Clock clock) {
        this(changes, clock, SETTLE);
    }

    /** @param settle on H2, how old a change is before it is listed ({@link #SETTLE}; tests shorten it) */
    ChangesResource(SiteChanges changes, Clock clock, Duration settle) {
        this.changes = changes;
        this.clock = clock;
        this.settle = settle;
    }

    @GET
    @Timed(name = "changes")
    @ExceptionMetered(name = "changes")
    public Map<String, Object> page(@QueryParam("after") String after, @QueryParam("limit") Integer limit,
                                    @QueryParam("site") String site, @Context SecurityContext security, @Context UriInfo uri) {
        QueryParameters.refuseUnknown(uri, PARAMETERS, "GET /v1/changes reads after, limit, site and key");
        int most = QueueResource.limit(limit, 100, MAX_PAGE);
        RequestChecks.optional(after, "after", Checks.MAX_CURSOR);
        SiteChanges.After from = after == null ? null : SiteChanges.After.parse(after).orElseThrow(() -> new ApiException(400,
                "after", null, "after must be the next value of the page before, as the server gave it"));
        Instant settled = clock.instant().minus(settle);
        List<SiteChanges.Change> page = changes.page(site(security, site), from, settled, most);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("changes", page.stream().map(ChangesResource::shown).toList());
        // Where the next read starts: after this page's last change, else where this one started (nothing new yet).
        SiteChanges.Change last = page.isEmpty() ? null : page.get(page.size() - 1);
        out.put("next", last != null ? new SiteChanges.After(last.place(), last.id()).token() : after);
        return out;
    }

    /** As a comment's status shows it, with when it changed. */
    private static Map<String, Object> shown(SiteChanges.Change c) {
        Map<String, Object> out = CommentsResource.standing(c.id(), c.status(), c.version(), c.decidedBy(), c.reason());
        out.put("changedAt", c.changedAt().toString());
        return out;
    }

    /**
     * The site whose changes are read: a website key's own; for a moderator's key, which moderates several, the one it
     * names, of those it moderates (its status reads are theirs too).
     */
    private static String site(SecurityContext security, String asked) {
        RequestChecks.optional(asked, "site", RequestChecks.MAX_ID);
        Caller caller = (Caller) security.getUserPrincipal();
        if (!caller.role().includes(Role.MODERATOR)) {
            if (asked != null && !asked.equals(caller.site()))
                throw new ApiException(403, "site", null, "a website key reads its own site's changes only");
            return caller.site();
        }
        // A key's own site named too (a newcomer's fourth audit: the dev key, an admin's, was told of a moderator's key and
        // not of the site its comments were stored under).
        String own = caller.site() != null && caller.site().startsWith("key:") ? " (site=" + caller.site() + ": those this key stored)" : "";
        String role = caller.role().name().toLowerCase(java.util.Locale.ROOT);
        if (asked == null || asked.isEmpty()) throw ApiException.badField("site", "site is required with " + (role.startsWith("a") ? "an " : "a ")
                + role + "'s key: the site whose changes to read" + own);
        QueueResource.sites(security, asked);  // a moderator's lists' check: another site is a 403 naming site
        return asked;
    }
}
