package org.parley.service.errors;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.annotation.ExceptionMetered;
import jakarta.ws.rs.WebApplicationException;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

import java.lang.reflect.Method;
import java.util.List;

/**
 * Counts a request that Jersey refuses for its media type while it chooses the resource method (415:
 * a Content-Type the endpoint does not read; 406: an Accept it cannot answer) in the exception meter
 * of the endpoint it was sent to ({@code …ScoreResource.score.exceptions}). Dropwizard's
 * meters belong to resource methods and see only requests whose method was chosen, so these were
 * counted nowhere but in Jetty's 4xx meter. The endpoint is the one method that the matched path
 * takes for the request's HTTP method; a path with several for it (none here) is left uncounted.
 */
public final class MediaTypeRefusalMeters implements ApplicationEventListener {
    private final MetricRegistry metrics;
    private final RequestEventListener listener = this::onRequestEvent;

    public MediaTypeRefusalMeters(MetricRegistry metrics) {
        this.metrics = metrics;
    }

    @Override
    public void onEvent(ApplicationEvent event) {}

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return listener;
    }

    private void onRequestEvent(RequestEvent event) {
        if (event.getType() != RequestEvent.Type.ON_EXCEPTION) return;
        if (!(event.getException() instanceof WebApplicationException e)) return;
        int status = e.getResponse().getStatus();
        if (status != 415 && status != 406) return;
        ExtendedUriInfo uri = event.getUriInfo();
        if (uri.getMatchedResourceMethod() != null) return;  // chosen: Dropwizard's own meter counts it
        List<RuntimeResource> matched = uri.getMatchedRuntimeResources();
        if (matched.isEmpty()) return;
        String httpMethod = event.getContainerRequest().getMethod();
        List<ResourceMethod> candidates = matched.get(0).getResourceMethods().stream()
                .filter(m -> httpMethod.equals(m.getHttpMethod())).toList();
        if (candidates.size() != 1) return;
        Method definition = candidates.get(0).getInvocable().getDefinitionMethod();
        ExceptionMetered metered = definition.getAnnotation(ExceptionMetered.class);
        if (metered == null || !metered.cause().isInstance(e)) return;
        metrics.meter(meterName(metered, definition)).mark();
    }

    /** The name Dropwizard gives the method's exception meter (metrics-jersey3's chooseName). */
    static String meterName(ExceptionMetered metered, Method definition) {
        String name = metered.name();
        String base = name.isEmpty() ? MetricRegistry.name(definition.getDeclaringClass(), definition.getName())
                : metered.absolute() ? name : MetricRegistry.name(definition.getDeclaringClass(), name);
        return MetricRegistry.name(base, ExceptionMetered.DEFAULT_NAME_SUFFIX);
    }
}
