package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.service.access.Role;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The stored times are instants (TIMESTAMP WITH TIME ZONE, bound and read as UTC offsets): the same instant reads back
 * on H2 and PostgreSQL whatever the JVM's time zone, on a date line's far side and at a month's end in UTC (a clock
 * audit, forty-eighth session). The zone is set before the database is opened: PostgreSQL's driver sends it as the
 * connection's TimeZone, which a TIMESTAMP WITHOUT TIME ZONE would have been read in.
 */
class StoredTimesTest {
    /** 23:30:00.123456 UTC on the last day of November: 13:15 on 1 December in Chatham (+13:45). */
    private static final Instant MONTHS_END = Instant.parse("2026-11-30T23:30:00.123456Z");
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentsTimeAndASessionsEndReadBackAsTheInstantsStoredInAnyJvmZone(TestDatabases db) {
        for (String zone : new String[] {"Pacific/Chatham", "America/St_Johns"}) {
            TimeZone was = TimeZone.getDefault();
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            try {
                Jdbi jdbi = db.migrated(dir.resolve(zone.replace('/', '-')));
                CommentStore store = new CommentStore(jdbi);
                store.insert(CommentStoreTest.comment("c1", "a1", 0.7f, org.parley.policy.Action.REVIEW), MONTHS_END);
                var c = store.find(CommentStoreTest.SITE, "c1").orElseThrow();
                assertEquals(MONTHS_END, c.createdAt(), zone);
                assertEquals(MONTHS_END, c.updatedAt(), zone);
                // What a zone-less reading would get wrong: the database's own view of the stored month, in UTC.
                String month = jdbi.withHandle(h -> h.createQuery(db == TestDatabases.H2
                        ? "SELECT FORMATDATETIME(created_at, 'yyyy-MM', 'en', 'UTC') FROM comments"
                        : "SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') FROM comments").mapTo(String.class).one());
                assertEquals("2026-11", month, zone);

                AccountStore accounts = new AccountStore(jdbi);
                accounts.put("ada", "a password of ada's".toCharArray(), Role.MODERATOR, MONTHS_END);
                AccountStore.Session s = accounts.login(accounts.check("ada", "a password of ada's".toCharArray()).orElseThrow(),
                        Duration.ofMinutes(30), MONTHS_END).orElseThrow();
                Instant end = MONTHS_END.plus(Duration.ofMinutes(30));
                assertEquals(end, s.expiresAt());
                assertEquals(end, accounts.session(s.token(), MONTHS_END).orElseThrow().expiresAt(), zone);
                assertTrue(accounts.session(s.token(), end.minusNanos(1000)).isPresent(), zone + ": a microsecond before its end");
                assertTrue(accounts.session(s.token(), end).isEmpty(), zone + ": at its end");
            } finally {
                TimeZone.setDefault(was);
            }
        }
    }
}
