package org.parley.service.intake;

import org.parley.service.errors.ApiException;
import org.parley.service.errors.UnexpectedExceptionMapper;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore;
import org.parley.service.store.FailureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads again the reply stance that a call's looks left unread though the parent is stored: a look refused a turn of its
 * lane, failed on the database, stopped at {@link Ingestion#MOST_STORED_REPLIES}, or never came (the instance stopped
 * between the commit and its second look); such a reply had no reply stance for good (the sixty-fifth session's
 * several-instances audit left it). Each run first reads the other replies of the parents whose look stopped at its
 * limit, whatever their age ({@link Ingestion#capped}: a thread's older pages may come days before the page with the
 * parent), then walks the replies without one stored in the last {@link #WINDOW}, oldest first, from where the run
 * before stopped, {@code page} at a time, at most {@code pages} pages, so a round takes a minute for each 1,000 of them.
 * Those whose parent is still not stored (replies to comments never sent: a thread's other pages) are passed over in the
 * database ({@link CommentStore#unreadReplies}) and met again on each round. One that cannot be read is logged and passed. Every instance runs it: two that read one
 * reply write its stance once ({@link StoredStance#withReply} keeps one written meanwhile).
 */
public final class ReplySweep implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplySweep.class);
    /**
     * How far back a run's walk looks: a look's failure is mended within a round; a parent that comes later reads its
     * replies itself, and leaves those past its look's limit in {@link Ingestion#capped}.
     */
    static final Duration WINDOW = Duration.ofDays(1);
    /** How often it runs (ParleyApplication's schedule). */
    public static final Duration EVERY = Duration.ofMinutes(1);
    private final Ingestion ingestion;
    private final CommentStore store;
    private final Clock clock;
    private final int page;
    private final int pages;
    /** Where the next run starts: after the reply stored at {@code from} with the key {@code afterKey}; null: the window's start. */
    private Instant from;
    private String afterKey = "";

    /** 50 replies a page, 20 pages a run: a run's turns of the lane are a thread's each, and its parents 1,000 indexed reads. */
    public ReplySweep(Ingestion ingestion, CommentStore store, Clock clock) {
        this(ingestion, store, clock, 50, 20);
    }

    ReplySweep(Ingestion ingestion, CommentStore store, Clock clock, int page, int pages) {
        this.ingestion = ingestion;
        this.store = store;
        this.clock = clock;
        this.page = page;
        this.pages = pages;
    }

    /** One run; never throws, as an exception would end the schedule. */
    @Override
    public void run() {
        try {
            int read = sweep();
            if (read > 0) LOG.info("wrote the reply stance of {} stored replies that lacked one", read);
        } catch (ApiException | org.jdbi.v3.core.JdbiException e) {  // a refused turn, the database: the next run reads them
            // "for now": the next run is a minute later (an operator's audit read "stopped" as for good).
            LOG.warn("the sweep for unread reply stances stopped for now (it runs again in a minute): {}", FailureReason.of(e));
        } catch (RuntimeException e) {  // a bug: its frames, not its message (a comment's text may be in it)
            LOG.error("the sweep for unread reply stances stopped", UnexpectedExceptionMapper.scrubbed(e));
        }
    }

    /** The reply stances written in this run. Where it stops (a refusal, the database), the next run starts again. */
    int sweep() {
        if (!ingestion.readsStance()) return 0;  // no stance bundle: nothing to read them with, so no page to turn
        return ofCappedLooks() + ofTheDay();
    }

    /**
     * The other replies of the parents whose look stopped at its limit ({@link Ingestion#capped}), whatever their age, at
     * most {@code pages} pages: a parent is done when a page finds fewer than a page or writes none (their own parent is
     * not stored, the call that would have stored it having failed).
     */
    private int ofCappedLooks() {
        int read = 0, left = pages;
        for (Ingestion.StoredParents p : List.copyOf(ingestion.capped())) {
            while (left > 0) {
                left--;
                List<StoredComment> replies = store.repliesTo(p.site(), p.articleId(), p.ids(), p.numbers(), page);
                int wrote = ingestion.readReplyStances(replies);
                read += wrote;
                if (replies.size() < page || wrote == 0) {
                    ingestion.capped().remove(p);
                    break;
                }
            }
        }
        return read;
    }

    /** The day's replies without a reply stance, from where the run before stopped. */
    private int ofTheDay() {
        int read = 0;
        for (int p = 0; p < pages; p++) {
            Instant start = clock.instant().minus(WINDOW);
            if (from == null || from.isBefore(start)) {
                from = start;
                afterKey = "";
            }
            List<StoredComment> replies = store.unreadReplies(from, afterKey, page);
            read += ingestion.readReplyStances(replies);
            if (replies.size() < page) {  // the end of the window: the next run starts a round
                from = null;
                return read;
            }
            StoredComment last = replies.get(replies.size() - 1);
            from = last.createdAt();
            afterKey = last.key();
        }
        return read;
    }
}
