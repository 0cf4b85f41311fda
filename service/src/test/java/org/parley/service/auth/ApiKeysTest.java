package org.parley.service.auth;

import org.junit.jupiter.api.Test;

import java.util.List;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;

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
    void aKeyNamesItsSiteAfterItsRoleWithOrWithoutARate() {
        ApiKeys keys = ApiKeys.parse("site-key-1:website:site=news.example, site-key-2:website:50:site=news.example,"
                + "site-key-3:moderator:site=desk_2:7", 100);
        ApiKey first = keys.find("site-key-1").orElseThrow(), second = keys.find("site-key-2").orElseThrow();
        assertEquals(new ApiKey("site-key-1", Role.WEBSITE, 100, "news.example"), first);
        assertEquals(50, second.perSecond());
        assertEquals("news.example", second.site(), "a site's keys (a rotation's old and new) are one site");
        assertEquals(first.site(), second.site());
        assertEquals(new ApiKey("site-key-3", Role.MODERATOR, 7, "desk_2"), keys.find("site-key-3").orElseThrow(), "either order");
        assertEquals("website-" + first.fingerprint(), first.getName(), "logs and metrics still name the key, not its site");
    }

    /** An unnamed key is a site of its own: two of them never share comments. */
    @Test
    void aKeyWithoutASiteIsItsOwnSite() {
        ApiKeys keys = ApiKeys.parse("unnamed-key-1:website,unnamed-key-2:website", 100);
        ApiKey one = keys.find("unnamed-key-1").orElseThrow(), two = keys.find("unnamed-key-2").orElseThrow();
        assertEquals("key:" + one.fingerprint(), one.site());
        assertNotEquals(one.site(), two.site());
        assertFalse(one.reachedSites().includes(two.site()));
        assertFalse(one.reachedSites().includes(null), "comments stored before sites were kept are no key's");
        ApiKey named = new ApiKey("unnamed-key-1", Role.WEBSITE, 100, "news.example");
        assertTrue(named.reachedSites().includes(one.site()), "naming a key's site later keeps it the comments it stored unnamed");
        assertTrue(new ApiKey("moderator-key-1", Role.MODERATOR, 1).reachedSites().includes(null), "moderators reach every comment");
        assertTrue(new ApiKey("moderator-key-1", Role.MODERATOR, 1).reachedSites().includes(two.site()));
    }

    /** A moderator key of a chosen few sites: site=A|B, '|' being in no name; it stores what it submits as the first. */
    @Test
    void aModeratorKeyMayNameSeveralSitesAWebsiteKeyOne() {
        ApiKeys keys = ApiKeys.parse("desk-key-1:moderator:site=a.example|b.example:7,desk-key-2:admin:site=b.example|b.example", 100);
        ApiKey desk = keys.find("desk-key-1").orElseThrow();
        assertEquals(List.of("a.example", "b.example"), desk.moderatedSites().names());
        assertEquals(7, desk.perSecond(), "the rate still goes either side");
        assertTrue(desk.reachedSites().includes("a.example") && desk.reachedSites().includes("b.example"));
        assertFalse(desk.reachedSites().includes("c.example"));
        assertFalse(desk.reachedSites().includes(null), "nor comments stored before sites were");
        assertEquals("a.example", desk.site(), "what it submits is the first site's");
        assertEquals(Sites.one("b.example"), keys.find("desk-key-2").orElseThrow().moderatedSites(), "a name given twice is one");
        assertEquals(Sites.EVERY, new ApiKey("moderator-key-1", Role.MODERATOR, 1).moderatedSites());

        String said = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse("secret-key-1:website:site=a.example|b.example", 1)).getMessage();
        assertEquals("apiKeys entry 1: a website key sends for one site; only a moderator or admin key names several", said);
        said = assertThrows(IllegalArgumentException.class,
                () -> ApiKeys.parse("secret-key-1:scorer:site=a.example|b.example", 1)).getMessage();
        assertEquals("apiKeys entry 1: a scorer key sends for one site; only a moderator or admin key names several", said);
        for (String names : new String[] {"a.example|", "|a.example", "a.example||b.example", "a.example|B.example"}) {
            said = assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("secret-key-1:moderator:site=" + names, 1), names).getMessage();
            assertTrue(said.startsWith("apiKeys entry 1: "), said);
            assertFalse(said.contains("secret-key-1"), said);
        }
        StringBuilder many = new StringBuilder("s0");
        for (int i = 1; i <= Sites.MOST; i++) many.append("|s").append(i);
        assertEquals("apiKeys entry 1: site=NAME names at most 100 sites",
                assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("secret-key-1:moderator:site=" + many, 1)).getMessage());
    }

    @Test
    void aBadSiteNamesTheEntryAndWhatANameMayHold() {
        for (String spec : new String[] {"good-key-1:website,secret-key-2:website:site=", "good-key-1:website,secret-key-2:website:site=News",
                "good-key-1:website,secret-key-2:website:site=a b", "good-key-1:website,secret-key-2:website:site=" + "s".repeat(65)}) {
            String said = assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(spec, 1), spec).getMessage();
            assertEquals("apiKeys entry 2: site=NAME takes 1 to 64 lowercase letters, digits, '.', '_' or '-'", said, spec);
        }
        for (String spec : new String[] {"secret-key-2:website:site=a:site=b", "secret-key-2:website:5:6",
                "secret-key-2:website:5:site=a:x"}) {
            String said = assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse(spec, 1), spec).getMessage();
            assertTrue(said.startsWith("apiKeys entry 1: expected key:role[:requestsPerSecond][:site=NAME[|NAME...]]"), said);
            assertFalse(said.contains("secret-key-2"), said);
        }
        assertEquals("apiKeys entry 1: requestsPerSecond must be a positive integer",
                assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("secret-key-2:website:sight=a", 1)).getMessage());
    }

    /** The key a site publishes in its pages: the same syntax as every other role's, rate and site included. */
    @Test
    void aScorerKeyParsesAsTheOtherRolesDo() {
        ApiKeys keys = ApiKeys.parse("page-key-1:scorer, page-key-2:Scorer:40:site=news.example, page-key-3:scorer:site=news.example", 100);
        assertEquals(new ApiKey("page-key-1", Role.SCORER, 100), keys.find("page-key-1").orElseThrow());
        assertEquals(new ApiKey("page-key-2", Role.SCORER, 40, "news.example"), keys.find("page-key-2").orElseThrow());
        assertEquals(new ApiKey("page-key-3", Role.SCORER, 100, "news.example"), keys.find("page-key-3").orElseThrow());
        ApiKey page = keys.find("page-key-1").orElseThrow();
        assertEquals("scorer-" + page.fingerprint(), page.getName());
        assertFalse(page.reachedSites().includes(null), "reaches no stored comment but its own site's, which it cannot store");
        String said = assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("good-key-1:scorer,secret-key-2:scorers", 1)).getMessage();
        assertEquals("apiKeys entry 2: unknown role 'scorers': use scorer, website, moderator or admin", said);
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("long-key-1:scorer:0", 1));
    }

    /** docs/scoring-api.md, "Keys and roles": keys of at least 8 characters, a rate of at least 1 a second. */
    @Test
    void theShortestKeyAndTheLowestRateAreAccepted() {
        ApiKeys keys = ApiKeys.parse("12345678:scorer:1", 100);
        assertFalse(keys.isEmpty());
        assertEquals(1, keys.find("12345678").orElseThrow().perSecond());
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("1234567:scorer", 100));
        assertTrue(ApiKeys.parse(" ", 100).isEmpty(), "no keys: the dev key is made (ParleyApplication)");
    }

    @Test
    void rolesIncludeTheRolesBelowThem() {
        assertTrue(Role.WEBSITE.includes(Role.SCORER));
        assertFalse(Role.SCORER.includes(Role.WEBSITE), "a published key may not store or report");
        assertTrue(Role.SCORER.includes(Role.SCORER));
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
    void eachStartsDevKeyStoresAsTheSameSiteSoAPageSentAgainAfterARestartIsNotStoredTwice() {
        ApiKey a = ApiKeys.devKey(10).all().iterator().next();
        ApiKey b = ApiKeys.devKey(10).all().iterator().next();
        assertEquals(a.site(), b.site(), "the store outlives the key: a restart's new dev key is the same site");
        assertEquals("key:dev", a.site());
        assertTrue(a.moderatedSites().every(), "the dev key still moderates every site");
        assertNotEquals(a.site(), new ApiKey(a.key(), Role.ADMIN, 10).site(), "a configured key's site is its hash's");
    }

    @Test
    void theFingerprintIsASlowHashThatStaysTheSameAcrossStarts() {
        // Python: hashlib.pbkdf2_hmac('sha256', b'moderatorkey1', b'parley api key fingerprint', 100000, 4).hex()
        assertEquals("moderator-0fb5438e", new ApiKey("moderatorkey1", Role.MODERATOR, 10).getName());
        assertEquals("key:moderator-0fb5438e", new ApiKey("moderatorkey1", Role.MODERATOR, 10).actor(),
                "what a moderator's decisions record; it was the key's String.hashCode, 8d20c837, which gives short keys away");
        assertNotEquals(new ApiKey("moderatorkey2", Role.MODERATOR, 10).fingerprint(), new ApiKey("moderatorkey1", Role.MODERATOR, 10).fingerprint());
    }

    /**
     * A key this JVM has not seen, so its fingerprint is worked out now rather than read from {@code ApiKey}'s cache
     * (which hid PIT's mutants of the hash behind the fixed keys above): PBKDF2-HMAC-SHA256 with the documented salt and
     * 100,000 rounds, its first 32 bits as eight hex digits.
     */
    @Test
    void aNewKeysFingerprintIsWorkedOutWithTheDocumentedHash() throws Exception {
        String key = "fresh-" + java.util.UUID.randomUUID();
        byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new javax.crypto.spec.PBEKeySpec(
                key.toCharArray(), "parley api key fingerprint".getBytes(java.nio.charset.StandardCharsets.UTF_8), 100_000, 32)).getEncoded();
        String fingerprint = ApiKey.fingerprint(key);
        assertEquals(java.util.HexFormat.of().formatHex(hash), fingerprint);
        assertTrue(fingerprint.matches("[0-9a-f]{8}"), fingerprint);
    }
}
