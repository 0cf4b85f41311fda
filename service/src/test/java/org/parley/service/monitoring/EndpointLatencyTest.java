package org.parley.service.monitoring;

import com.codahale.metrics.annotation.Timed;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import io.prometheus.client.CollectorRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.*;

/** Each endpoint's answers in a histogram labelled by its resource, its timer's name and its status. */
@ExtendWith(DropwizardExtensionsSupport.class)
class EndpointLatencyTest {
    private static final EndpointLatency LATENCY = new EndpointLatency();
    private static final CollectorRegistry REGISTRY = new CollectorRegistry();

    static {
        REGISTRY.register(LATENCY.histogram());
    }

    @Path("/t")
    public static final class Endpoints {
        @GET
        @Path("plain")
        public String plain() {
            return "ok";
        }

        @GET
        @Path("timed")
        @Timed(name = "the-timer")
        public String timed() {
            return "ok";
        }

        @GET
        @Path("refused")
        public String refused() {
            throw new WebApplicationException(409);
        }

        @GET
        @Path("failed")
        public String failed() {
            throw new IllegalStateException("a bug");
        }
    }

    static final ResourceExtension RESOURCES = ResourceExtension.builder().addResource(new Endpoints()).addProvider(LATENCY).build();

    private static double answered(String method, String code) {
        return sample("count", method, code);
    }

    /** The histogram's {@code _count} or {@code _sum} for an endpoint of {@link Endpoints}; 0 before its first answer. */
    private static double sample(String suffix, String method, String code) {
        Double v = REGISTRY.getSampleValue("parley_endpoint_duration_seconds_" + suffix, new String[] {"resource", "method", "code"},
                new String[] {"Endpoints", method, code});
        return v == null ? 0 : v;
    }

    private static int get(String path) {
        return RESOURCES.target(path).request().get().getStatus();
    }

    @Test
    void eachAnswerIsCountedUnderItsEndpointAndItsStatus() {
        double plain = answered("plain", "200"), timed = answered("the-timer", "200"), refused = answered("refused", "409"),
                failed = answered("failed", "500");
        assertEquals(200, get("/t/plain"));
        assertEquals(200, get("/t/plain"));
        assertEquals(200, get("/t/timed"));
        assertEquals(409, get("/t/refused"));
        assertEquals(500, get("/t/failed"));
        assertEquals(plain + 2, answered("plain", "200"));
        assertEquals(timed + 1, answered("the-timer", "200"), "@Timed's name, as Dropwizard's timer is named");
        assertEquals(0, answered("timed", "200"));
        assertEquals(refused + 1, answered("refused", "409"), "the status itself: a 409 is told from a 400 or a 429");
        assertEquals(0, answered("refused", "4xx"));
        assertEquals(failed + 1, answered("failed", "500"));
        assertEquals(0, answered("plain", "409"));
    }

    @Test
    void aPathNoEndpointMatchesIsNotAnEndpoint() {
        double before = REGISTRY.metricFamilySamples().asIterator().next().samples.size();
        assertEquals(404, get("/t/nothing-here"));
        assertEquals(before, REGISTRY.metricFamilySamples().asIterator().next().samples.size(), "no series for it");
    }

    @Test
    void theSecondsAreTheRequestsOwnNotSinceStartUp() throws Exception {
        double sum0 = sample("sum", "plain", "200");
        long began = System.nanoTime();
        assertEquals(200, get("/t/plain"));
        double took = (System.nanoTime() - began) / 1e9;
        double observed = sample("sum", "plain", "200") - sum0;
        assertTrue(observed > 0 && observed <= took, "observed " + observed + " s of a request that took " + took + " s");
    }
}
