package org.parley.service.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

class TestDatabasesTest {

    @Test
    void theSchemaIsAddedToAUrlWithOrWithoutParametersOfItsOwn() {
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=t_1&connectTimeout=3",
                TestDatabases.inSchema("jdbc:postgresql://127.0.0.1:5432/test", "t_1"));
        // PARLEY_TEST_PG_URL as a helper sets it: a second '?' made the user "postgres?currentSchema=t_1".
        assertEquals("jdbc:postgresql://127.0.0.1:5432/h4?user=postgres&currentSchema=t_1&connectTimeout=3",
                TestDatabases.inSchema("jdbc:postgresql://127.0.0.1:5432/h4?user=postgres", "t_1"));
    }

    @Test
    void aFreshSchemaCarriesThisJvmsMarkWhichASessionOfItsOwnHolds(@TempDir Path dir) throws SQLException {
        Matcher name = Pattern.compile("currentSchema=t_([0-9a-f]{8})_[0-9a-f]{32}&")
                .matcher(TestDatabases.POSTGRESQL.fresh(dir).getUrl());
        assertTrue(name.find(), "the mark in the schema's name");
        try (Connection other = connect()) {
            assertFalse(TestDatabases.tryMark(other, Integer.parseUnsignedInt(name.group(1), 16)), "the mark is held for this JVM");
        }
    }

    @Test
    void aSweepDropsTheSchemasOfMarksNoSessionHoldsAndLeavesTheRest() throws SQLException, InterruptedException {
        int live = ThreadLocalRandom.current().nextInt();
        int dead = live + 1;
        String ofLive = TestDatabases.schemaName(live, UUID.randomUUID());
        String ofDead = TestDatabases.schemaName(dead, UUID.randomUUID());
        String unmarked = "t_" + UUID.randomUUID().toString().replace("-", ""); // as named before marks
        try (Connection liveJvm = connect(); Statement s = liveJvm.createStatement(); Connection sweeper = connect()) {
            assertTrue(TestDatabases.tryMark(liveJvm, live));
            for (String schema : new String[] {ofLive, ofDead, unmarked}) s.execute("CREATE SCHEMA " + schema);
            s.execute("CREATE TABLE " + ofDead + ".t (x int)"); // dropped with its tables
            try {
                TestDatabases.sweep(sweeper);
                assertTrue(exists(s, ofLive), "a live JVM's schema stays");
                assertTrue(exists(s, unmarked), "a schema without a mark is not known to be left over");
                assertFalse(holdsAny(sweeper), "the sweep lets go of the mark it held");
                // Gone, unless the other surefire JVM's own sweep, which runs once as it starts, took its mark first
                // and is dropping it.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (exists(s, ofDead) && System.nanoTime() < deadline) Thread.sleep(20);
                assertFalse(exists(s, ofDead), "a gone JVM's schema is dropped");
            } finally {
                for (String schema : new String[] {ofLive, ofDead, unmarked}) s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, "");
    }

    private static boolean holdsAny(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")) {
            return r.next() && r.getInt(1) > 0;
        }
    }

    private static boolean exists(Statement s, String schema) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname = '" + schema + "'")) {
            return r.next() && r.getInt(1) == 1;
        }
    }
}
