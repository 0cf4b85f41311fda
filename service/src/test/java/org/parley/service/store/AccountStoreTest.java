package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.service.auth.Role;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class AccountStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aNewPasswordEndsTheAccountsSessionsAndNoOneElses(TestDatabases db) {
        AccountStore accounts = new AccountStore(db.migrated(dir));
        accounts.put("ada", "first password".toCharArray(), Role.ADMIN, NOW);
        accounts.put("bob", "bobs password".toCharArray(), Role.MODERATOR, NOW);
        AccountStore.Session ada = accounts.login(accounts.check("ada", "first password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW);
        AccountStore.Session bob = accounts.login(accounts.check("bob", "bobs password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW);
        assertTrue(accounts.session(ada.token(), NOW).isPresent());

        accounts.put("ada", "second password".toCharArray(), Role.ADMIN, NOW);

        assertEquals(Optional.empty(), accounts.session(ada.token(), NOW), "the old holder is logged out");
        assertTrue(accounts.session(bob.token(), NOW).isPresent());
        assertTrue(accounts.check("ada", "second password".toCharArray()).isPresent());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLogInWhosePasswordCheckRacedAResetGetsNoLastingSession(TestDatabases db) {
        AccountStore accounts = new AccountStore(db.migrated(dir));
        accounts.put("ada", "leaked password".toCharArray(), Role.MODERATOR, NOW);
        // The log-in checks the old password; the reset (add-moderator) commits before it stores its session.
        AccountStore.Account checked = accounts.check("ada", "leaked password".toCharArray()).orElseThrow();
        accounts.put("ada", "new password".toCharArray(), Role.MODERATOR, NOW);
        AccountStore.Session late = accounts.login(checked, Duration.ofHours(8), NOW);
        assertEquals(Optional.empty(), accounts.session(late.token(), NOW), "issued under the password the reset replaced");
        AccountStore.Session fresh = accounts.login(accounts.check("ada", "new password".toCharArray()).orElseThrow(), Duration.ofHours(8), NOW);
        assertTrue(accounts.session(fresh.token(), NOW).isPresent());
        assertFalse(checked.toString().contains("$2"), "no hash in logs: " + checked);
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
}
