package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An erasure outrun by replies stored while it waited ({@link ErasureLocks#retrying}): each try is a transaction of its
 * own, rolled back whole before the next, and after ten the caller is told to retry, with PostgreSQL's serialization
 * failure state, which the service answers as a 503 (DatabaseExceptionMapper).
 */
@ExtendWith(KeptOpenDatabases.class)
class ErasureLocksTest {
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eachOutrunTryIsRolledBackAndTheThirdThatFindsNothingMovedCommits(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        AtomicInteger tries = new AtomicInteger();

        int kept = ErasureLocks.retrying(jdbi, h -> {
            h.createUpdate("INSERT INTO articles (id, local_id, title, created_at) VALUES (:id, :id, 't', CURRENT_TIMESTAMP)")
                    .bind("id", "try-" + tries.incrementAndGet()).execute();
            if (tries.get() < 3) throw new ErasureLocks.Moved();
            return tries.get();
        });

        assertEquals(3, kept);
        assertEquals(1, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles").mapTo(Integer.class).one()),
                "the two outrun tries' writes are gone");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    @Timeout(60)  // a count that never reached ten would retry for good
    void anErasureOutrunTenTimesGivesUpAsARetryableFailure(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        AtomicInteger tries = new AtomicInteger();

        TransactionException e = assertThrows(TransactionException.class, () -> ErasureLocks.retrying(jdbi, h -> {
            tries.incrementAndGet();
            throw new ErasureLocks.Moved();
        }));

        assertEquals(10, tries.get());
        assertTrue(e.getMessage().contains("10 times"), e.getMessage());
        assertEquals("40001", assertInstanceOf(SQLException.class, e.getCause()).getSQLState());
    }
}
