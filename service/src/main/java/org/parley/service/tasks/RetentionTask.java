package org.parley.service.tasks;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.servlets.tasks.Task;
import org.parley.service.store.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The store's retention (docs/moderation.md, Retention): each instance runs it on a schedule ({@link #run}), and
 * {@code POST /tasks/retention} on the admin port runs it now and answers what it deleted as JSON. Either way a run
 * logs one line and counts what it deleted in the meters {@code parley.retention.removed.*} (comments, decisions,
 * reports, suggestions). A failed scheduled run is logged and the next one takes over.
 */
public final class RetentionTask extends Task implements Runnable {
    public static final String NAME = "retention";
    static final String METERS = "parley.retention.removed.";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionTask.class);

    private final Retention retention;
    private final Clock clock;
    private final ObjectMapper json;
    private final Meter comments, decisions, reports, suggestions;

    public RetentionTask(Retention retention, Clock clock, MetricRegistry metrics, ObjectMapper json) {
        super(NAME, "application/json");
        this.retention = retention;
        this.clock = clock;
        this.json = json;
        this.comments = metrics.meter(METERS + "comments");
        this.decisions = metrics.meter(METERS + "decisions");
        this.reports = metrics.meter(METERS + "reports");
        this.suggestions = metrics.meter(METERS + "suggestions");
    }

    /** One run: deletes what is past its period, counts it and logs it. */
    public Retention.Removed runNow() {
        if (!retention.on()) {
            LOG.info("retention is off (retention.unreviewedDays and reviewedDays are 0): nothing deleted");
            return Retention.Removed.NONE;
        }
        long start = System.nanoTime();
        Retention.Removed r = retention.run(clock.instant());
        comments.mark(r.comments());
        decisions.mark(r.decisions());
        reports.mark(r.reports());
        suggestions.mark(r.suggestions());
        LOG.info("retention deleted {} comments, {} decisions, {} reports and {} suggestions in {} batches, {} ms",
                r.comments(), r.decisions(), r.reports(), r.suggestions(), r.batches(), (System.nanoTime() - start) / 1_000_000);
        return r;
    }

    /** The schedule's: an exception would end the schedule, so a failure (an outage) is logged and the next run retries. */
    @Override
    public void run() {
        try {
            runNow();
        } catch (RuntimeException e) {
            LOG.warn("retention run failed, the next one retries: {}", e.getMessage());
        }
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
        Retention.Removed r = runNow();
        Map<String, Object> answer = new java.util.LinkedHashMap<>();
        answer.put("on", retention.on());  // off: nothing is deleted, and the zeros say nothing about the store
        answer.put("removed", r);
        output.println(json.writeValueAsString(answer));
    }
}
