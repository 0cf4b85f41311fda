package org.parley.service.monitoring;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.spi.DeferredProcessingAware;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.async.AsyncAppenderFactory;
import io.dropwizard.logging.common.filter.LevelFilterFactory;
import io.dropwizard.logging.common.layout.LayoutFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.RequestLogFactory;

import java.util.List;

/**
 * Counts the request log lines dropped above capacity in the meter {@value #METRIC}. The request log writes
 * through a queue that, full, drops a line rather than hold a Jetty thread ({@code neverBlock},
 * docs/scoring-api.md "Overload"); Logback's offer drops it without a word, so each appender's queue is
 * Logback's own with its discarding hook counting instead: a line that finds fewer than
 * {@code discardingThreshold} places free is dropped here, and counted. Exact while fewer threads than that
 * log at once (config.yml: Jetty's 1,024 and the admin port's 64 are all that write the request log).
 */
public final class DroppedLines<E extends DeferredProcessingAware> implements AppenderFactory<E> {
    public static final String METRIC = "parley.requestlog.dropped";

    private final AppenderFactory<E> appender;
    private final Meter dropped;

    DroppedLines(AppenderFactory<E> appender, Meter dropped) {
        this.appender = appender;
        this.dropped = dropped;
    }

    /** Before the server is built (Application.run): each of the request log's appenders counts what it drops. */
    public static void count(RequestLogFactory<?> requestLog, MetricRegistry metrics) {
        if (!(requestLog instanceof LogbackAccessRequestLogFactory logback)) return;
        Meter dropped = metrics.meter(METRIC);
        List<AppenderFactory<IAccessEvent>> counted = logback.getAppenders().stream()
                .<AppenderFactory<IAccessEvent>>map(a -> new DroppedLines<>(a, dropped)).toList();
        logback.setAppenders(counted);
    }

    @Override
    public Appender<E> build(LoggerContext context, String name, LayoutFactory<E> layout, LevelFilterFactory<E> levels,
                             AsyncAppenderFactory<E> async) {
        return appender.build(context, name, layout, levels, () -> new Counting<>(dropped));
    }

    /** Logback's async appender, as Dropwizard's request log builds it, whose discarded lines are counted. */
    static final class Counting<E extends DeferredProcessingAware> extends AsyncAppenderBase<E> {
        private final Meter dropped;

        Counting(Meter dropped) {
            this.dropped = dropped;
        }

        @Override
        protected void preprocess(E event) {
            event.prepareForDeferredProcessing(); // what Dropwizard's AsyncAccessEventAppenderFactory does
        }

        /** Called only when fewer than discardingThreshold places are free in the queue. */
        @Override
        protected boolean isDiscardable(E event) {
            dropped.mark();
            return true;
        }
    }
}
