package org.parley.service.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ApiKeysTest {
    @Test
    void parsesKeyRoleAndOptionalRate() {
        ApiKeys keys = ApiKeys.parse(" key-one-1:website, key-two-2:Moderator:5 ,", 100);
        assertEquals(new ApiKey("key-one-1", Role.WEBSITE, 100), keys.find("key-one-1").orElseThrow());
        assertEquals(new ApiKey("key-two-2", Role.MODERATOR, 5), keys.find("key-two-2").orElseThrow());
        assertTrue(keys.find("key-one").isEmpty());
        assertTrue(keys.find(null).isEmpty());
        assertTrue(ApiKeys.parse("", 1).isEmpty());
        assertTrue(ApiKeys.parse(null, 1).isEmpty());
    }

    @Test
    void badEntriesNameTheEntryButNotTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse("good-key-1:website,secret-key-2:owner", 1));
        assertTrue(e.getMessage().contains("entry 2") && e.getMessage().contains("website, moderator or admin"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-key-2"));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("nocolon-key", 1));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("short:website", 1));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("long-key-1:website:0", 1));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("long-key-1:website,long-key-1:admin", 1));
    }

    @Test
    void rolesIncludeTheRolesBelowThem() {
        assertTrue(Role.ADMIN.includes(Role.WEBSITE));
        assertTrue(Role.MODERATOR.includes(Role.WEBSITE));
        assertFalse(Role.WEBSITE.includes(Role.MODERATOR));
        assertFalse(Role.MODERATOR.includes(Role.ADMIN));
    }

    @Test
    void theDevKeyIsAnAdminKeyThatDiffersEachRun() {
        ApiKey a = ApiKeys.devKey(10).all().iterator().next();
        ApiKey b = ApiKeys.devKey(10).all().iterator().next();
        assertEquals(Role.ADMIN, a.role());
        assertNotEquals(a.key(), b.key());
        assertTrue(a.key().startsWith("dev-") && a.key().length() > 30);
        assertFalse(a.getName().contains(a.key()), "the principal's name is a fingerprint, not the key");
    }

    @Test
    void theFingerprintIsASlowHashThatStaysTheSameAcrossStarts() {
        // Python: hashlib.pbkdf2_hmac('sha256', b'moderatorkey1', b'parley api key fingerprint', 100000, 4).hex()
        assertEquals("moderator-0fb5438e", new ApiKey("moderatorkey1", Role.MODERATOR, 10).getName());
        assertEquals("key:moderator-0fb5438e", new ApiKey("moderatorkey1", Role.MODERATOR, 10).actor(),
                "what a moderator's decisions record; it was the key's String.hashCode, 8d20c837, which gives short keys away");
        assertNotEquals(new ApiKey("moderatorkey2", Role.MODERATOR, 10).fingerprint(), new ApiKey("moderatorkey1", Role.MODERATOR, 10).fingerprint());
    }
}
