package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.ParleyConfiguration;

import java.nio.file.Path;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void tellsAnH2FileThatAcknowledgesCommitsBeforeTheyAreOnDisk() {
        String file = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL";
        assertEquals(OptionalInt.of(500), Database.diskWriteDelay(Jdbi.create(file, "sa", "")), "H2's default");
        String durable = ParleyConfiguration.durable("jdbc:h2:file:" + dir.resolve("d2"), "sa");
        assertEquals(OptionalInt.of(0), Database.diskWriteDelay(Jdbi.create(durable, "sa", "")), durable);
        assertEquals(OptionalInt.empty(), Database.diskWriteDelay(Jdbi.create("jdbc:h2:mem:x", "sa", "")), "nothing on disk to lose");
        assertEquals(OptionalInt.empty(), Database.diskWriteDelay(TestDatabases.POSTGRESQL.migrated(dir)));
    }

    /** A URL may carry the password (PostgreSQL's ?password=, H2's ;PASSWORD=): start-up's error went to the log with it. */
    @Test
    void aDatabaseThatCannotBeOpenedIsNamedWithoutThePasswordInItsUrl() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2&password=s3cret-pw&sslpassword=k3y-pw";
        var refused = assertThrows(org.jdbi.v3.core.ConnectionException.class,
                () -> Jdbi.create(url, "postgres", "").useHandle(h -> {}));
        String said = Database.cannotOpen(url, "postgres", refused).getMessage();
        assertTrue(said.startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2&password=***"
                + "&sslpassword=*** as postgres"), said);
        assertFalse(said.contains("s3cret") || said.contains("k3y"), said);
        assertEquals("jdbc:h2:file:./runs/db;USER=sa;PASSWORD=***;MODE=PostgreSQL",
                Database.shown("jdbc:h2:file:./runs/db;USER=sa;PASSWORD=hunter22;MODE=PostgreSQL"));
        assertEquals("jdbc:h2:file:./runs/db;WRITE_DELAY=0", Database.shown("jdbc:h2:file:./runs/db;WRITE_DELAY=0"));
    }
}
