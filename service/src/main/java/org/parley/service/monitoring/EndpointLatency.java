package org.parley.service.monitoring;

import com.codahale.metrics.annotation.Timed;
import io.prometheus.client.Collector;
import io.prometheus.client.Histogram;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each endpoint's answers as a Prometheus histogram, {@code parley_endpoint_duration_seconds{resource, method, code}}
 * ({@code code}: the status, "200", "429", as Prometheus's own HTTP metrics label it, so that a key's rate limit tells
 * apart from a bad request; {@code code=~"5.."} the class), from Jersey's start of the request to the answer written: its filters, the body
 * read, the work and the answer. Dropwizard's timers ({@code parley_endpoint_seconds}) are summaries of the resource
 * method alone, whose quantiles cannot be added up across instances nor tell what share of answers took under a
 * second; buckets can (an SLO's burn rate). Labelled as those timers are ({@link PrometheusEndpoint}). Requests that no
 * endpoint took (a 404, a gate refusal before Jersey) are not in it.
 */
public final class EndpointLatency implements ApplicationEventListener {
    private final Histogram seconds = Histogram.build().name("parley_endpoint_duration_seconds")
            .help("answers of each endpoint, from Jersey's start of the request to the answer written")
            .labelNames("resource", "method", "code")
            .buckets(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .create();
    private final Map<ResourceMethod, String[]> names = new ConcurrentHashMap<>();

    public Collector histogram() {
        return seconds;
    }

    @Override
    public void onEvent(ApplicationEvent event) {}

    @Override
    public RequestEventListener onRequest(RequestEvent start) {
        long began = System.nanoTime();
        return event -> {
            if (event.getType() != RequestEvent.Type.FINISHED) return;
            ResourceMethod endpoint = event.getUriInfo().getMatchedResourceMethod();
            if (endpoint == null) return;
            String[] name = names.computeIfAbsent(endpoint, EndpointLatency::name);
            ContainerResponse answer = event.getContainerResponse();
            int status = answer == null ? 500 : answer.getStatus();  // none: it failed before one was made
            seconds.labels(name[0], name[1], Integer.toString(status)).observe((System.nanoTime() - began) / 1e9);
        };
    }

    /** The resource's class and the method's timer name, as Dropwizard names its timer (@Timed's name, else the method's). */
    private static String[] name(ResourceMethod endpoint) {
        Method definition = endpoint.getInvocable().getDefinitionMethod();
        Timed timed = definition.getAnnotation(Timed.class);
        String method = timed == null || timed.name().isEmpty() ? definition.getName() : timed.name();
        return new String[]{definition.getDeclaringClass().getSimpleName(), method};
    }
}
