package org.parley.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.parley.service.access.Role;
import org.parley.service.api.moderation.CommentSubmission;
import org.parley.service.api.moderation.CommentView;
import org.parley.service.api.moderation.ConflictBody;
import org.parley.service.api.moderation.DecisionRequest;
import org.parley.service.api.moderation.ReportRequest;
import org.parley.service.auth.Caller;
import org.parley.service.core.RequestChecks;
import org.parley.service.erasurelog.ErasureLogRoom;
import org.parley.service.errors.ApiException;
import org.parley.service.intake.Ingestion;
import org.parley.service.intake.TooManyTargets;
import org.parley.service.moderation.Checks;
import org.parley.service.moderation.CommentViews;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.ErasureLogLine;
import org.parley.service.moderation.EscalationRule;
import org.parley.service.moderation.IdTaken;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Submission;
import org.parley.service.store.CommentStore;
import org.parley.stance.StanceLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Comments in the moderation store: sites submit and report them (website keys); moderators read
 * them with their thread context and history, and decide on them.
 */
@Path("/v1/comments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class CommentsResource {
    private static final Logger LOG = LoggerFactory.getLogger(CommentsResource.class);
    static final long ERASURE_LOG_RETRY_AFTER_SECONDS = 60;
    /** Not LOG, the erasure log's logger: its files hold the erasure lines alone. */
    private static final Logger ROOM_LOG = LoggerFactory.getLogger(ErasureLogRoom.class);
    private final Ingestion ingestion;
    private final CommentStore store;
    private final CommentViews views;
    private final EscalationRule escalations;
    private final Clock clock;
    /** What keeps the erasure log from taking an erasure's line, or null ({@link ErasureLogRoom}). */
    private final java.util.function.Supplier<String> erasureLogRoom;

    public CommentsResource(Ingestion ingestion, CommentStore store, CommentViews views, EscalationRule escalations,
                            Clock clock) {
        this(ingestion, store, views, escalations, clock, () -> ErasureLogRoom.problem(ErasureLogLine.LOGGER));
    }

    CommentsResource(Ingestion ingestion, CommentStore store, CommentViews views, EscalationRule escalations,
                     Clock clock, java.util.function.Supplier<String> erasureLogRoom) {
        this.erasureLogRoom = erasureLogRoom;
        this.ingestion = ingestion;
        this.store = store;
        this.views = views;
        this.escalations = escalations;
        this.clock = clock;
    }

    /** The query parameters POST reads: the key (one of the ways to send it, ApiKeyAuthFilter). */
    private static final java.util.Set<String> SUBMIT_PARAMETERS = java.util.Set.of("key");
    /** What a site's reads and writes of one comment take: its site, and the key. */
    private static final java.util.Set<String> SITE_AND_KEY = java.util.Set.of("site", "key");

    /**
     * A misspelt {@code ?stie=} was ignored on a site's status, withdrawal and report, where {@code /v1/comments} and
     * {@code /v1/threads} refuse it (a website integrator's audit, sixty-sixth session).
     */
    private static void siteAndKeyOnly(UriInfo uri, String endpoint) {
        QueryParameters.refuseUnknown(uri, SITE_AND_KEY, endpoint + " reads site and key only");
    }

    /** 201 with the stored comment, its status and scores; 200 with the stored one if the id was already taken. */
    @POST
    @Timed(name = "submit-comment")
    @RolesAllowed(Role.WEBSITE_NAME)
    @ExceptionMetered(name = "submit-comment")
    public Response submit(CommentSubmission body, @Context SecurityContext security, @Context UriInfo uri) {
        // ?site= (the moderators' GET's), ?target= (/v1/threads') or a misspelt key were ignored: the comment was stored
        // as the key's site's, with no stance, and no word (a penetration test, forty-sixth session).
        QueryParameters.refuseUnknown(uri, SUBMIT_PARAMETERS, "POST /v1/comments reads key only: the comment, its "
                + "targets and its parent go in the body, and its site is the key's");
        CommentStore.Insert r;
        Submission s = Checks.submission(body, "");
        // THREAD/COMMENT is how /v1/threads stores its comments: a comment sent alone as "a/b" would take
        // the id of comment b of thread a.
        if (s.id().contains("/"))
            throw ApiException.badField("id", "id must not contain '/': ids of the form THREAD/COMMENT belong to comments sent in threads");
        // A URL client (a browser, fetch, Jetty) resolves /v1/comments/../status to /v1/status, even percent-encoded.
        if (s.id().equals(".") || s.id().equals(".."))
            throw ApiException.badField("id", "id must not be '.' or '..': no URL can name such a comment's status or reports");
        try {
            // Sent again with targets it holds no stance on: read against those, as /v1/threads does, its scores,
            // status and decisions left alone. Its stance is one comment's, paid as /v1/score's by the request.
            r = ingestion.submit(List.of(s), ((Caller) security.getUserPrincipal()).site(), true, (comments, readings) -> {})
                    .comments().get(0);
        } catch (IdTaken e) {
            throw new ApiException(409, e.article() ? "articleId" : "id", null, e.getMessage());
        } catch (TooManyTargets e) {
            throw new ApiException(400, "targets", StanceLimits.MAX_TARGETS, e.getMessage());
        }
        return Response.status(r.created() ? 201 : 200)
                .entity(CommentViews.withAlsoQuotes(views.stored(r.comment(), r.created() ? null : true,
                        ((Caller) security.getUserPrincipal()).role()), r.alsoQuotes())).build();
    }

    /** Readers' reports shown with a comment: the newest; a comment can gather thousands. */
    static final int MAX_REPORTS_SHOWN = 100;

    /**
     * The comment, the comment it answers, every decision on it, and its readers' reports. {@code site}: whose
     * comment, where the id names one of several of the moderator's sites ({@link CommentLookup}).
     */
    @GET
    @Path("/{id}")
    @RolesAllowed(Role.MODERATOR_NAME)
    @Timed(name = "get-comment")
    @ExceptionMetered(name = "get-comment")
    public CommentView get(@PathParam("id") String id, @QueryParam("site") String site, @Context SecurityContext security) {
        StoredComment c = reached(store, id, site, (Caller) security.getUserPrincipal()).orElseThrow(() -> notFound(id));
        CommentView parent = store.parent(c).map(views::of).orElse(null);
        return CommentViews.withAlsoQuotes(views.of(c, parent, store.history(c.key()), store.reports(c, MAX_REPORTS_SHOWN), null),
                store.alsoQuotes(c.key()));
    }

    /**
     * For sites: where their comment stands now (a moderator may have decided since it was submitted).
     * Another site's comment is a 404, as one that does not exist: its status is not the caller's to read.
     */
    @GET
    @Path("/{id}/status")
    @RolesAllowed(Role.WEBSITE_NAME)
    @Timed(name = "comment-status")
    @ExceptionMetered(name = "comment-status")
    public Map<String, Object> status(@PathParam("id") String id, @QueryParam("site") String site,
                                      @Context SecurityContext security, @Context UriInfo uri) {
        siteAndKeyOnly(uri, "GET /v1/comments/{id}/status");
        Caller caller = (Caller) security.getUserPrincipal();
        StoredComment c = reached(store, id, site, caller).orElseThrow(() -> notFound(id));
        return standing(c);
    }

    /**
     * Where the comment stands, who set it there, and for a rejection the reason given: a site could not tell its reader
     * why a comment was rejected (a website integrator's audit, sixty-sixth session).
     */
    private Map<String, Object> standing(StoredComment c) {
        return standing(c.id(), c.status(), c.version(), c.decidedBy(),
                c.status() == Status.REJECTED ? store.rejectReason(c.key()).orElse(null) : null);
    }

    /** Where a comment stands as its site reads it (its status, GET /v1/changes): {@code reason} a rejection's, or null. */
    static Map<String, Object> standing(String id, Status status, int version, Decider decidedBy, String reason) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("status", status.name());
        out.put("version", version);
        out.put("decidedBy", decidedBy.name());
        if (reason != null) out.put("reason", reason);
        return out;
    }

    /**
     * The site withdraws its comment (its author deleted it, or asked for erasure): its text and names are erased, and
     * what its replies copied of them (docs/moderation.md, Erasure; {@link CommentStore#erase}). The site's key is the
     * actor. Another site's comment is a 404, as for status. Again: the same answer, nothing changes, and the erasure line is
     * logged again (the first may be lost with its answer). Only a site's
     * key: a moderator (whose role includes the website's) rejects, and an operator erases with scripts/erase; an erasure
     * cannot be undone, and a moderator of every site would reach every site's comments.
     */
    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.WEBSITE_NAME)
    @Timed(name = "erase-comment")
    @ExceptionMetered(name = "erase-comment")
    public Map<String, Object> erase(@PathParam("id") String id, @QueryParam("site") String site, @Context SecurityContext security,
                                     @Context UriInfo uri) {
        siteAndKeyOnly(uri, "DELETE /v1/comments/{id}");
        Caller caller = (Caller) security.getUserPrincipal();
        if (caller.role().includes(Role.MODERATOR))
            throw new ApiException(403, null, null, "only a site's website key withdraws its comment: a moderator rejects it,"
                    + " and an operator erases with scripts/erase");
        StoredComment c = reached(store, id, site, caller).orElseThrow(() -> notFound(id));
        String full = erasureLogRoom.get();
        if (full != null) { // its line would be lost, and a restore would bring the comment back (ErasureLogRoom)
            ROOM_LOG.warn("erasure of comment {} of site {} refused: {}", ErasureLogLine.quoted(c.id()), ErasureLogLine.quoted(c.site()), full);
            throw ApiException.unavailable(ERASURE_LOG_RETRY_AFTER_SECONDS, "the comment was not erased: " + full
                    + ", and an erasure with no line there would come back with a restore; retry once it has room");
        }
        // The one record of it outside the database: a restore from a backup taken before brings the comment back whole,
        // and this line is what the operator re-applies (docs/moderation.md, Backup and restore; scripts/erase --from-log).
        // Written before the erasure commits, on the disk when it returns (config.yml's erasure-file,
        // erasurelog.ForcedLines): a line not written undoes the erasure, and a commit that fails after it leaves a line of
        // an erasure the DELETE sent again does, as a restore would. Logged again when it was erased before: a DELETE
        // whose erasure committed as its connection broke was answered 503 and, until the sixty-first session, logged
        // nothing (until the forty-eighth, its retry did not either).
        ErasureLogLine line = new ErasureLogLine(c.site(), c.id());
        java.util.function.Function<CommentStore.Erasure, String> said =
                done -> done.erased() ? line.message(caller.actor()) : line.againMessage(caller.actor());
        CommentStore.Erasure e;
        try {
            e = store.erase(c.key(), caller.actor(), Decider.WEBSITE, clock.instant(), done -> LOG.info("{}", said.apply(done)))
                    .orElseThrow(() -> notFound(id));
        } catch (CommentStore.LineNotWritten x) {
            boolean before = !x.tried().erased();
            // An ERROR, which an operator is alerted to (ParleyBugs): the disk under the erasure log is failing or full.
            ROOM_LOG.error("{}: its erasure line was not written{}: {}", said.apply(x.tried()),
                    before ? "" : ", so the erasure was rolled back", x.getMessage());
            throw ApiException.unavailable(ERASURE_LOG_RETRY_AFTER_SECONDS, (before
                    ? "the comment was erased before, but its erasure line was not written again ("
                    : "the comment was not erased: its erasure line was not written (") + x.getMessage()
                    + "), and an erasure with no line there would come back with a restore; "
                    + (before ? "send this DELETE again" : "retry") + " once the erasure log has room");
        }
        return standing(e.comment());
    }

    @POST
    @Path("/{id}/decision")
    @Timed(name = "decide")
    @RolesAllowed(Role.MODERATOR_NAME)
    @ExceptionMetered(name = "decide")
    public Response decide(@PathParam("id") String id, @QueryParam("site") String site, DecisionRequest body,
                           @Context SecurityContext security) {
        Checks.Decision d = Checks.decision(body);
        Caller caller = (Caller) security.getUserPrincipal();
        // A comment's site never changes: no race between finding it and deciding it.
        StoredComment c = reached(store, id, site, caller).orElseThrow(() -> notFound(id));
        CommentStore.Outcome outcome = store.decide(c.key(), d.verdict(), d.reason(), d.note(), caller.actor(),
                escalations.senior(caller.role()), d.expectedVersion(), clock.instant());
        // The history its transaction read: a read once it committed, failing, would answer "most likely not applied".
        if (outcome instanceof CommentStore.Outcome.Decided ok)
            return Response.ok(views.of(ok.comment(), null, ok.history(), null)).build();
        if (outcome instanceof CommentStore.Outcome.Conflict stale) return conflict(stale.current(), d.expectedVersion(), stale.decided());
        if (outcome instanceof CommentStore.Outcome.Reserved reserved) throw escalations.refusal(reserved.current());
        if (outcome instanceof CommentStore.Outcome.AlreadyPending pending)
            return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE).entity(alreadyPending(views.of(pending.current()))).build();
        throw notFound(id);
    }

    /** A reader's report: a published comment joins the REPORTED queue. Another site's comment is a 404, as for status. */
    @POST
    @Path("/{id}/report")
    @RolesAllowed(Role.WEBSITE_NAME)
    @Timed(name = "report")
    @ExceptionMetered(name = "report")
    public Map<String, Object> report(@PathParam("id") String id, @QueryParam("site") String site, ReportRequest body,
                                      @Context SecurityContext security, @Context UriInfo uri) {
        siteAndKeyOnly(uri, "POST /v1/comments/{id}/report");
        String reason = body == null ? null : RequestChecks.optional(body.reason(), "reason", Checks.MAX_REPORT_REASON);
        String reportId = body == null ? null : RequestChecks.optional(body.reportId(), "reportId", RequestChecks.MAX_ID);
        if (reportId != null && reportId.isBlank()) throw ApiException.badField("reportId", "reportId must not be blank");
        Caller caller = (Caller) security.getUserPrincipal();
        StoredComment reported = reached(store, id, site, caller).orElseThrow(() -> notFound(id));
        CommentStore.Report r = store.report(reported.key(), reason, caller.getName(), reportId, clock.instant())
                .orElseThrow(() -> notFound(id));
        StoredComment c = r.comment();
        if (c.status() == Status.ERASED)
            throw new ApiException(409, "id", null, ApiException.comment(c.id(), c.site()) + " was erased: no report is stored");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", c.id());
        out.put("status", c.status().name());
        out.put("openReports", c.openReports());
        if (r.duplicate()) out.put("duplicate", true);
        return out;
    }

    /**
     * @param decided a decision came since {@code expected}; false: only readers' reports did, or none (expected is ahead).
     *                An erased comment is refused at any version, and its message says so.
     */
    static ConflictBody conflictBody(CommentView current, int expected, boolean decided) {
        if (current.status().equals(Status.ERASED.name()))
            return new ConflictBody(409, ApiException.comment(current.id(), current.site()) + " was erased (withdrawn by its site,"
                    + " or by an operator): no decision can be made on it. Here is its current state.",
                    expected == current.version() ? "id" : "expectedVersion", current);
        String why = expected > current.version() ? ": it has no such version yet (expectedVersion is the version shown)."
                : decided ? ": someone decided first." : ": readers reported it since (see its open reports).";
        return new ConflictBody(409, ApiException.comment(current.id(), current.site()) + " is at version " + current.version() + ", not "
                + expected + why + " Here is its current state; decide again if needed.", "expectedVersion", current);
    }

    /** A REOPEN of a comment that is PENDING already: nothing to undo, and nothing written (a 409 naming decision). */
    static ConflictBody alreadyPending(CommentView current) {
        return new ConflictBody(409, ApiException.comment(current.id(), current.site()) + " is PENDING already (version "
                + current.version() + "): there is no decision to reopen. Here is its current state.", "decision", current);
    }

    private Response conflict(StoredComment current, int expected, boolean decided) {
        return Response.status(409).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(conflictBody(views.of(current), expected, decided)).build();
    }

    /**
     * The comment {@code id} of one of the sites the caller reaches ({@link CommentLookup}); one out of reach is as
     * one that does not exist.
     *
     * @param site the {@code ?site=} asked for, or null
     */
    static Optional<StoredComment> reached(CommentStore store, String id, String site, Caller caller) {
        RequestChecks.optional(site, "site", RequestChecks.MAX_ID);
        return CommentLookup.find(store, id, site, caller, "site");
    }

    static ApiException notFound(String id) {
        return new ApiException(404, "id", null, "no comment with id '" + ApiException.shown(id) + "'");
    }
}
