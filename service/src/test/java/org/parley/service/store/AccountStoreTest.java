package org.parley.service.store;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(KeptOpenDatabases.class) // H2 kept open between handles
class AccountStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    @TempDir Path dir;

    /**
     * A generated-client audit (sixty-ninth session): the log-in answered its expiry in nanoseconds and GET /v1/session the
     * stored one, rounded to microseconds, so the two differed. The session ends at a time the database holds exactly.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSessionEndsWhenItsLogInSaid(TestDatabases db) {
        AccountStore accounts = new AccountStore(db.migrated(dir));
        accounts.put("ada", "first password".toCharArray(), Role.ADMIN, NOW);
        Instant now = NOW.plusNanos(550_015_794);
        AccountStore.Session ada = accounts.login(accounts.check("ada", "first password".toCharArray()).orElseThrow(), Duration.ofHours(8), now)
                .orElseThrow();
        assertEquals(ada.expiresAt(), accounts.session(ada.token(), now).orElseThrow().expiresAt());
        assertEquals(NOW.plus(Duration.ofHours(8)).plusNanos(550_015_000), ada.expiresAt());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aNewPasswordEndsTheAccountsSessionsAndNoOneElses(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        accounts.put("ada", "first password".toCharArray(), Role.ADMIN, NOW);
        accounts.put("bob", "bobs password".toCharArray(), Role.MODERATOR, NOW);
        AccountStore.Session ada = accounts.login(accounts.check("ada", "first password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW).orElseThrow();
        AccountStore.Session bob = accounts.login(accounts.check("bob", "bobs password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW).orElseThrow();
        assertTrue(accounts.session(ada.token(), NOW).isPresent());

        accounts.put("ada", "second password".toCharArray(), Role.ADMIN, NOW);

        assertEquals(Optional.empty(), accounts.session(ada.token(), NOW), "the old holder is logged out");
        assertEquals(1, sessionRows(jdbi), "ada's session row deleted, not only refused for its old hash");
        assertTrue(accounts.session(bob.token(), NOW).isPresent());
        assertTrue(accounts.check("ada", "second password".toCharArray()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLogInWhosePasswordCheckRacedAResetGetsNoLastingSession(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        accounts.put("ada", "leaked password".toCharArray(), Role.MODERATOR, NOW);
        // The log-in checks the old password; the reset (add-moderator) commits before it stores its session.
        AccountStore.Account checked = accounts.check("ada", "leaked password".toCharArray()).orElseThrow();
        accounts.put("ada", "new password".toCharArray(), Role.MODERATOR, NOW);
        assertEquals(Optional.empty(), accounts.login(checked, Duration.ofHours(8), NOW), "none under the password the reset replaced");
        assertEquals(0, sessionRows(jdbi), "and no session row");
        AccountStore.Session fresh = accounts.login(accounts.check("ada", "new password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW).orElseThrow();
        assertTrue(accounts.session(fresh.token(), NOW).isPresent());
        assertFalse(checked.toString().contains("$2"), "no hash in logs: " + checked);
    }

    /** A reset that does not name the role keeps it: forgetting --role must not demote an admin; a new account is a moderator. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAccountsRoleIsKeptUntilNamedAgain(TestDatabases db) {
        AccountStore accounts = new AccountStore(db.migrated(dir));
        accounts.put("ada", "first password".toCharArray(), Role.ADMIN, null, NOW);
        accounts.put("ada", "second password".toCharArray(), null, null, NOW);
        assertEquals(Role.ADMIN, accounts.check("ada", "second password".toCharArray()).orElseThrow().role());
        accounts.put("ada", "third password".toCharArray(), Role.MODERATOR, null, NOW);
        assertEquals(Role.MODERATOR, accounts.check("ada", "third password".toCharArray()).orElseThrow().role());
        accounts.put("bob", "bobs password".toCharArray(), null, null, NOW);
        assertEquals(Role.MODERATOR, accounts.check("bob", "bobs password".toCharArray()).orElseThrow().role());
    }

    /** A reset that does not name the site keeps it: forgetting --site must not widen an account to every site. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAccountsSiteIsKeptUntilNamedAgain(TestDatabases db) {
        AccountStore accounts = new AccountStore(db.migrated(dir));
        accounts.put("sam", "first password".toCharArray(), Role.MODERATOR, Sites.one("news.example"), NOW);
        AccountStore.Session s = accounts.login(accounts.check("sam", "first password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW).orElseThrow();
        assertEquals(Sites.one("news.example"), accounts.session(s.token(), NOW).orElseThrow().account().sites());

        accounts.put("sam", "second password".toCharArray(), Role.MODERATOR, NOW);
        assertEquals(Sites.one("news.example"), accounts.check("sam", "second password".toCharArray()).orElseThrow().sites());
        accounts.put("sam", "third password".toCharArray(), Role.MODERATOR, Sites.one("blog.example"), NOW);
        assertEquals(Sites.one("blog.example"), accounts.check("sam", "third password".toCharArray()).orElseThrow().sites());
        accounts.put("sam", "fourth password".toCharArray(), Role.MODERATOR, Sites.EVERY, NOW);
        assertEquals(Sites.EVERY, accounts.check("sam", "fourth password".toCharArray()).orElseThrow().sites(), "every site");
        accounts.put("new", "new password".toCharArray(), Role.MODERATOR, NOW);
        assertEquals(Sites.EVERY, accounts.check("new", "new password".toCharArray()).orElseThrow().sites(), "a new account: every site");
    }

    /** A chosen few sites, in the order named, a hundred of the longest names included; a reset without sites keeps them. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAccountMayModerateSeveralSites(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        Sites two = Sites.of(List.of("news.example", "blog.example"));
        accounts.put("sam", "first password".toCharArray(), Role.MODERATOR, two, NOW);
        AccountStore.Session s = accounts.login(accounts.check("sam", "first password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW).orElseThrow();
        assertEquals(List.of("news.example", "blog.example"), accounts.session(s.token(), NOW).orElseThrow().account().sites().names());
        accounts.put("sam", "second password".toCharArray(), Role.MODERATOR, NOW);
        assertEquals(two, accounts.check("sam", "second password".toCharArray()).orElseThrow().sites());

        List<String> longest = new ArrayList<>();
        for (int i = 0; i < Sites.MOST; i++) longest.add(String.format("%03d", i) + "s".repeat(61));
        accounts.put("sam", "third password".toCharArray(), Role.MODERATOR, Sites.of(longest), NOW);
        assertEquals(longest, accounts.check("sam", "third password".toCharArray()).orElseThrow().sites().names(),
                "6,499 characters fit the column");

        // Set by hand to what no key's site= would take: it narrows to no site's comments, not to every site's.
        jdbi.useHandle(h -> h.execute("UPDATE moderators SET site = '' WHERE username = 'sam'"));
        Sites none = accounts.check("sam", "third password".toCharArray()).orElseThrow().sites();
        assertFalse(none.every());
        assertFalse(none.includes("news.example") || none.includes(null));
    }

    /**
     * Changeset 12 widens the column that held one site to hold several: the accounts from before keep their site,
     * or every site, and their open sessions.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void accountsFromBeforeSeveralSitesKeepTheirSite(TestDatabases db) throws java.io.IOException {
        Jdbi jdbi = db.migratedBefore("parley:12-", dir);
        AccountStore accounts = new AccountStore(jdbi);
        accounts.put("sam", "sams password".toCharArray(), Role.MODERATOR, Sites.one("news.example"), NOW);
        accounts.put("ada", "adas password".toCharArray(), Role.ADMIN, NOW);
        String token = accounts.login(accounts.check("sam", "sams password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW).orElseThrow().token();
        assertThrows(RuntimeException.class, () -> accounts.put("bob", "bobs password".toCharArray(), Role.MODERATOR,
                Sites.of(List.of("n".repeat(64), "b".repeat(64), "c".repeat(64), "d".repeat(64))), NOW), "the column held one site");

        Database.migrate(jdbi);
        assertEquals(Sites.one("news.example"), accounts.session(token, NOW).orElseThrow().account().sites(), "the open session too");
        assertEquals(Sites.EVERY, accounts.check("ada", "adas password".toCharArray()).orElseThrow().sites());
        accounts.put("sam", "sams password".toCharArray(), Role.MODERATOR, Sites.of(List.of("news.example", "blog.example")), NOW);
        assertEquals(List.of("news.example", "blog.example"), accounts.check("sam", "sams password".toCharArray()).orElseThrow().sites().names());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void createLeavesAnExistingAccountAsItIs(TestDatabases db) {
        AccountStore accounts = new AccountStore(db.migrated(dir));
        assertTrue(accounts.create("admin", "first instance".toCharArray(), Role.ADMIN, NOW));
        assertFalse(accounts.create("admin", "second instance".toCharArray(), Role.ADMIN, NOW), "a second start finds it taken");
        assertTrue(accounts.check("admin", "first instance".toCharArray()).isPresent(), "the password the first one printed still works");
        assertTrue(accounts.check("admin", "second instance".toCharArray()).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aPasswordLongerThanBcryptReadsIsRefusedWhenSetAndNeverMatches(TestDatabases db) {
        AccountStore accounts = new AccountStore(db.migrated(dir));
        char[] longest = "é".repeat(36).toCharArray();  // 72 bytes in UTF-8
        accounts.put("ada", longest, Role.MODERATOR, NOW);
        assertTrue(accounts.check("ada", longest).isPresent());
        char[] tooLong = "a".repeat(150).toCharArray();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> accounts.put("bob", tooLong, Role.MODERATOR, NOW));
        assertTrue(e.getMessage().contains("72 bytes"), e.getMessage());
        assertEquals(Optional.empty(), accounts.check("ada", tooLong));
        assertEquals(Optional.empty(), accounts.check("nobody", tooLong));
    }

    /**
     * A database review (thirty-eighth session): two add-moderator runs for one new name at once met the primary key, as
     * each updated no row, then inserted. Here the first run's insert is held uncommitted while the second runs: the
     * second waits for it, then sets its own password and role.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoRunsForOneNewNameAtOnceBothSucceed(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Handle first = jdbi.open()) {
            first.begin();
            first.createUpdate("INSERT INTO moderators (username, password_hash, role, created_at) VALUES ('ada', :hash, 'MODERATOR', :at)")
                    .bind("hash", BCrypt.withDefaults().hashToString(4, "first password".toCharArray()))
                    .bind("at", CommentStore.utc(NOW)).execute();
            Future<?> second = pool.submit(() -> accounts.put("ada", "second password".toCharArray(), Role.ADMIN, NOW));
            assertTrue(db.awaitWaiting(jdbi, first, second), "the second run waits for the first's insert");
            first.commit();
            second.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Role.ADMIN, accounts.check("ada", "second password".toCharArray()).orElseThrow().role(), "the later run's");
    }

    /**
     * A database review: a log-in whose account remove-moderator removed after its password check met the session's
     * foreign key (a 500). It gets no session, and the resource answers 401 (SessionResourceTest).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLogInWhoseAccountWasRemovedSinceTheCheckGetsNoSession(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        accounts.put("leo", "leos password".toCharArray(), Role.MODERATOR, NOW);
        AccountStore.Account checked = accounts.check("leo", "leos password".toCharArray()).orElseThrow();
        assertTrue(accounts.remove("leo"));

        assertEquals(Optional.empty(), accounts.login(checked, Duration.ofHours(8), NOW));
        assertEquals(0, sessionRows(jdbi));
    }

    /** As above, the removal committing while the log-in waits for it. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLogInWhoseAccountIsRemovedAsItsSessionIsStoredGetsNoSession(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        accounts.put("leo", "leos password".toCharArray(), Role.MODERATOR, NOW);
        AccountStore.Account checked = accounts.check("leo", "leos password".toCharArray()).orElseThrow();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Optional<AccountStore.Session> session;
        try (Handle remove = jdbi.open()) {
            remove.begin();  // what AccountStore.remove does
            remove.execute("SELECT username FROM moderators WHERE username = 'leo' FOR UPDATE");
            remove.execute("DELETE FROM sessions WHERE username = 'leo'");
            remove.execute("DELETE FROM moderators WHERE username = 'leo'");
            Future<Optional<AccountStore.Session>> login = pool.submit(() -> accounts.login(checked, Duration.ofHours(8), NOW));
            assertTrue(db.awaitWaiting(jdbi, remove, login), "the log-in waits for the removal");
            remove.commit();
            session = login.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Optional.empty(), session);
        assertEquals(0, sessionRows(jdbi));
    }

    /**
     * A removal racing a log-in that has stored its session, not yet committed: it waits for the log-in and ends that
     * session too, where it met the session's foreign key.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRemovalRacingALogInEndsItsSession(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        accounts.put("leo", "leos password".toCharArray(), Role.MODERATOR, NOW);
        String hash = accounts.check("leo", "leos password".toCharArray()).orElseThrow().credential();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Handle login = jdbi.open()) {
            login.begin();  // what AccountStore.login does
            login.execute("SELECT username FROM moderators WHERE username = 'leo' FOR UPDATE");
            login.createUpdate("INSERT INTO sessions (token_hash, username, credential, created_at, expires_at)"
                    + " VALUES ('t', 'leo', :c, :at, :at)").bind("c", hash).bind("at", CommentStore.utc(NOW.plusSeconds(60))).execute();
            Future<Boolean> remove = pool.submit(() -> accounts.remove("leo"));
            assertTrue(db.awaitWaiting(jdbi, login, remove), "the removal waits for the log-in");
            login.commit();
            assertTrue(remove.get());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, sessionRows(jdbi));
        assertEquals(Optional.empty(), accounts.check("leo", "leos password".toCharArray()));
        assertFalse(accounts.remove("leo"), "no such account any more");
    }

    /**
     * Passwords are hashed at 2^10 rounds; the tests' JVMs, which set {@link AccountStore#TEST_MIN_COST}, at bcrypt's
     * least. A hash stored at the service's cost still checks in such a JVM (bcrypt reads the cost from the hash).
     */
    @Test
    void passwordsAreHashedAtCostTenUnlessTheTestsMinCostIsSet() {
        assertEquals(List.of(10, 10, 4), List.of(AccountStore.cost(null), AccountStore.cost("false"), AccountStore.cost("true")));
        assertEquals(Boolean.getBoolean(AccountStore.TEST_MIN_COST), AccountStore.atTestCost());
        Jdbi jdbi = TestDatabases.H2.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        accounts.put("ada", "ada's password".toCharArray(), Role.MODERATOR, NOW);
        String stored = hash(jdbi, "ada");
        assertTrue(stored.startsWith("$2a$%02d$".formatted(AccountStore.BCRYPT_COST)), stored);
        jdbi.useHandle(h -> h.execute("INSERT INTO moderators (username, password_hash, role, created_at) VALUES (?, ?, 'MODERATOR', ?)",
                "bob", BCrypt.withDefaults().hashToString(10, "bob's password".toCharArray()), CommentStore.utc(NOW)));
        assertTrue(accounts.check("bob", "bob's password".toCharArray()).isPresent(), "stored at cost 10, checked at it");
        assertEquals(Optional.empty(), accounts.check("bob", "ada's password".toCharArray()));
    }

    private static String hash(Jdbi jdbi, String username) {
        return jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM moderators WHERE username = :u").bind("u", username)
                .mapTo(String.class).one());
    }

    private static int sessionRows(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sessions").mapTo(Integer.class).one());
    }
}
