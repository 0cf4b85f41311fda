package org.parley.service.monitoring;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.LoggingFactory;
import io.dropwizard.logging.json.AccessJsonLayoutBaseFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;

import java.util.List;
import java.util.Set;

/**
 * How the logs are written (config {@code logFormat}, {@code PARLEY_LOG_FORMAT}): TEXT, Dropwizard's lines
 * as config.yml lays them out, or JSON, one object a line for a log shipper, with Dropwizard's JSON layouts
 * ({@code json} for the application log, {@code access-json} for the request log, whose fields are the
 * method, the path without its query string, status, bytes, milliseconds, address, user agent and the answer's
 * request id: never a body). The application log's lines written during a request have its {@code requestId}.
 * Applied to every appender that sets no layout of its own, before Dropwizard starts the logging.
 */
public enum LogFormat {
    TEXT, JSON;

    public void apply(LoggingFactory logging, ServerFactory server) {
        if (this != JSON) return;
        if (logging instanceof DefaultLoggingFactory app) json(app.getAppenders(), LogFormat::eventLayout);
        if (server instanceof AbstractServerFactory s && s.getRequestLogFactory() instanceof LogbackAccessRequestLogFactory requests)
            json(requests.getAppenders(), LogFormat::accessLayout);
    }

    /** The request's id ({@link RequestIds}) as a field {@code requestId} of a line written during a request. */
    private static EventJsonLayoutBaseFactory eventLayout() {
        EventJsonLayoutBaseFactory layout = new EventJsonLayoutBaseFactory();
        layout.setIncludesMdcKeys(Set.of(RequestIds.MDC_KEY));
        layout.setFlattenMdc(true);
        return layout;
    }

    /** The answer's {@value RequestIds#HEADER} (never a request header: the client's bytes, unchecked). */
    private static AccessJsonLayoutBaseFactory accessLayout() {
        AccessJsonLayoutBaseFactory layout = new AccessJsonLayoutBaseFactory();
        layout.setResponseHeaders(Set.of(RequestIds.HEADER));
        return layout;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void json(List<? extends AppenderFactory<?>> appenders, java.util.function.Supplier<?> layout) {
        for (AppenderFactory<?> a : appenders)
            if (a instanceof AbstractAppenderFactory f && f.getLayout() == null) {
                f.setLayout((io.dropwizard.logging.common.layout.DiscoverableLayoutFactory) layout.get());
                f.setLogFormat(null);  // the text pattern: left beside a layout, Dropwizard warns at every start that it is ignored
            }
    }
}
