package org.parley.service.moderation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** A queue page's cursor: read back as made, and anything else (forged years, NUL, too few parts) a 400's empty. */
class QueueTest {
    private static String token(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCursorReadsBackAsMade() {
        Queue.Position p = new Queue.Position(0.734f, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:01.5Z"), "k\n1");
        assertEquals(Optional.of(p), Queue.Position.parse(p.token()));
        assertFalse(p.token().contains("="));
    }

    @Test
    void onlyYearsADatabaseComparesAreRead() {
        assertTrue(Queue.Position.parse(token("0.5\n2000-01-01T00:00:00Z\n9999-12-30T23:59:59Z\nk")).isPresent());
        assertTrue(Queue.Position.parse(token("0.5\n1999-12-31T23:59:59Z\n2026-01-01T00:00:00Z\nk")).isEmpty());
        assertTrue(Queue.Position.parse(token("0.5\n2026-01-01T00:00:00Z\n9999-12-31T00:00:00Z\nk")).isEmpty());
        assertTrue(Queue.Position.parse(token("0.5\n2026-01-01T00:00:00Z\n2026-01-01T00:00:00Z\n")).isEmpty());
        assertTrue(Queue.Position.parse(token("0.5\n2026-01-01T00:00:00Z\n2026-01-01T00:00:00Z\nk\0")).isEmpty());
        assertTrue(Queue.Position.parse(token("0.5\n2026-01-01T00:00:00Z\n2026-01-01T00:00:00Z\n\0k")).isEmpty());
        assertTrue(Queue.Position.parse(token("0.5\n2026-01-01T00:00:00Z\n2026-01-01T00:00:00Z")).isEmpty());
        assertTrue(Queue.Position.parse("not base64!").isEmpty());
    }

    @Test
    void openQueuesSortByRiskAndDecidedOnesByTime() {
        assertTrue(Queue.PENDING.byRisk());
        assertFalse(Queue.APPROVED.byRisk());
        assertTrue(Queue.ESCALATED.orderBy().startsWith("c.risk DESC"));
        assertTrue(Queue.PUBLISHED.after().startsWith("c.updated_at <= :afterUpdated"));
    }
}
