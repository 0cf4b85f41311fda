package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.ParleyConfiguration;

import java.nio.file.Path;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
