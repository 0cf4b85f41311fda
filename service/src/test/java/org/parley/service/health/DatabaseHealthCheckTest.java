package org.parley.service.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class DatabaseHealthCheckTest {
    @Test
    void aDatabaseThatAnswersIsHealthy() {
        assertTrue(new DatabaseHealthCheck(Jdbi.create("jdbc:h2:mem:health"), Duration.ofSeconds(3)).execute().isHealthy());
    }

    /** Dropwizard's own check said "Unable to successfully check in 5 seconds" here, after 16 ms. */
    @Test
    void aRefusedConnectionGivesTheDatabasesReason() {
        HealthCheck.Result r = new DatabaseHealthCheck(Jdbi.create("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "postgres", ""),
                Duration.ofSeconds(10)).execute();
        assertFalse(r.isHealthy());
        assertTrue(r.getMessage().startsWith("cannot reach the database: "), r.getMessage());
        assertTrue(r.getMessage().contains("refused"), r.getMessage());
    }

    @Test
    void aDatabaseThatHangsIsUnhealthyWithinTheLimit() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // Accepts the connection and never answers: the driver waits; the check does not.
            HealthCheck.Result r = new DatabaseHealthCheck(Jdbi.create("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/test?loginTimeout=60", "postgres", ""), Duration.ofSeconds(1)).execute();
            assertFalse(r.isHealthy());
            assertEquals("the database did not answer within 1 s", r.getMessage());
        }
    }
}
