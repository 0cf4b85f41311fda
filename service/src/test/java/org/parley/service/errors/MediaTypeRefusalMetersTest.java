package org.parley.service.errors;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.annotation.ExceptionMetered;
import jakarta.ws.rs.WebApplicationException;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

/**
 * A 415 or 406 that Jersey gives while it chooses the method is counted in the exception meter of the one method the
 * path takes for the request's HTTP method, named as Dropwizard names it. Seen only through a started service until
 * the sixty-first session.
 */
class MediaTypeRefusalMetersTest {
    static final class Endpoints {
        @ExceptionMetered
        public void plain() {}

        @ExceptionMetered(name = "score")
        public void named() {}

        @ExceptionMetered(name = "parley.score", absolute = true)
        public void absolute() {}

        public void unmetered() {}
    }

    private static Method method(String name) throws NoSuchMethodException {
        return Endpoints.class.getMethod(name);
    }

    @Test
    void theMeterIsNamedAsDropwizardNamesIt() throws Exception {
        String base = Endpoints.class.getName();
        assertEquals(base + ".plain.exceptions", MediaTypeRefusalMeters.meterName(method("plain").getAnnotation(ExceptionMetered.class), method("plain")));
        assertEquals(base + ".score.exceptions", MediaTypeRefusalMeters.meterName(method("named").getAnnotation(ExceptionMetered.class), method("named")));
        assertEquals("parley.score.exceptions",
                MediaTypeRefusalMeters.meterName(method("absolute").getAnnotation(ExceptionMetered.class), method("absolute")));
    }

    private static ResourceMethod resourceMethod(String httpMethod, Method definition) {
        ResourceMethod m = mock(ResourceMethod.class);
        Invocable invocable = mock(Invocable.class);
        when(invocable.getDefinitionMethod()).thenReturn(definition);
        when(m.getHttpMethod()).thenReturn(httpMethod);
        when(m.getInvocable()).thenReturn(invocable);
        return m;
    }

    /** An event of a request sent with {@code httpMethod} to a path whose methods are {@code methods}. */
    private static RequestEvent event(RequestEvent.Type type, Throwable exception, String httpMethod, boolean chosen,
                                      ResourceMethod... methods) {
        RequestEvent event = mock(RequestEvent.class);
        when(event.getType()).thenReturn(type);
        when(event.getException()).thenReturn(exception);
        ExtendedUriInfo uri = mock(ExtendedUriInfo.class);
        when(uri.getMatchedResourceMethod()).thenReturn(chosen ? methods[0] : null);
        RuntimeResource resource = mock(RuntimeResource.class);
        when(resource.getResourceMethods()).thenReturn(List.of(methods));
        when(uri.getMatchedRuntimeResources()).thenReturn(methods.length == 0 ? List.of() : List.of(resource));
        when(event.getUriInfo()).thenReturn(uri);
        ContainerRequest request = mock(ContainerRequest.class);
        when(request.getMethod()).thenReturn(httpMethod);
        when(event.getContainerRequest()).thenReturn(request);
        return event;
    }

    private static long counted(RequestEvent event) {
        MetricRegistry metrics = new MetricRegistry();
        MediaTypeRefusalMeters meters = new MediaTypeRefusalMeters(metrics);
        meters.onRequest(event).onEvent(event);
        return metrics.getMeters().values().stream().mapToLong(com.codahale.metrics.Meter::getCount).sum();
    }

    @Test
    void a415Or406BeforeTheMethodWasChosenIsCountedInThatMethodsMeter() throws Exception {
        for (int status : new int[] {415, 406}) {
            MetricRegistry metrics = new MetricRegistry();
            RequestEvent event = event(RequestEvent.Type.ON_EXCEPTION, new WebApplicationException(status), "POST", false,
                    resourceMethod("GET", method("plain")), resourceMethod("POST", method("named")));
            new MediaTypeRefusalMeters(metrics).onRequest(event).onEvent(event);
            assertEquals(1, metrics.meter(Endpoints.class.getName() + ".score.exceptions").getCount(), "status " + status);
            assertEquals(1, metrics.getMeters().size(), metrics.getMeters().keySet().toString());
        }
    }

    @Test
    void otherEventsAndRefusalsAreLeftToDropwizardsMetersOrUncounted() throws Exception {
        Method named = method("named");
        assertEquals(0, counted(event(RequestEvent.Type.FINISHED, new WebApplicationException(415), "POST", false,
                resourceMethod("POST", named))), "not an exception");
        assertEquals(0, counted(event(RequestEvent.Type.ON_EXCEPTION, new IllegalStateException(), "POST", false,
                resourceMethod("POST", named))), "not Jersey's refusal");
        assertEquals(0, counted(event(RequestEvent.Type.ON_EXCEPTION, new WebApplicationException(400), "POST", false,
                resourceMethod("POST", named))), "another status");
        assertEquals(0, counted(event(RequestEvent.Type.ON_EXCEPTION, new WebApplicationException(415), "POST", true,
                resourceMethod("POST", named))), "chosen: Dropwizard's meter counts it");
        assertEquals(0, counted(event(RequestEvent.Type.ON_EXCEPTION, new WebApplicationException(415), "POST", false)),
                "no path matched");
        assertEquals(0, counted(event(RequestEvent.Type.ON_EXCEPTION, new WebApplicationException(415), "POST", false,
                resourceMethod("POST", named), resourceMethod("POST", method("plain")))), "two methods for POST");
        assertEquals(0, counted(event(RequestEvent.Type.ON_EXCEPTION, new WebApplicationException(415), "PUT", false,
                resourceMethod("POST", named))), "none for PUT");
        assertEquals(0, counted(event(RequestEvent.Type.ON_EXCEPTION, new WebApplicationException(415), "POST", false,
                resourceMethod("POST", method("unmetered")))), "a method without a meter");
    }
}
