package org.parley.service.access;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/** The sites a moderator works on: what names them, how they are written in the moderators table, and what they include. */
class SitesTest {
    private static List<String> sites(int n) {
        return IntStream.range(0, n).mapToObj(i -> "s" + i + ".example").toList();
    }

    @Test
    void aNameIsOneTo64LowercaseCharactersAndAtMost100AreNamedOnce() {
        assertEquals(List.of("b.example", "a.example"), Sites.of(List.of("b.example", "a.example", "b.example")).names(),
                "in the order named, a repeat once");
        assertEquals(100, Sites.of(sites(100)).names().size());
        assertEquals("names at most 100 sites", assertThrows(IllegalArgumentException.class, () -> Sites.of(sites(101))).getMessage());
        assertEquals(100, Sites.of(java.util.stream.Stream.concat(sites(100).stream(), sites(100).stream()).toList()).names().size(),
                "a hundred, each twice, are a hundred");
        assertEquals("names no site", assertThrows(IllegalArgumentException.class, () -> Sites.of(List.of())).getMessage());
        Sites.of(List.of("a".repeat(64)));
        for (String bad : new String[] {"", "a".repeat(65), "News.example", "a|b", "a:b", "a,b", "key:0fb5438e"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sites.of(List.of(bad)), bad);
            assertTrue(e.getMessage().startsWith("takes 1 to 64 lowercase letters"), e.getMessage());
            if (!bad.isEmpty()) assertFalse(e.getMessage().contains(bad), "never echoes a name: " + e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Sites.of(Collections.singletonList(null)));
    }

    /** A moderator account may be given an unnamed key's site, key: and its fingerprint; a key's site= may not name one. */
    @Test
    void aModeratorMayBeGivenAnUnnamedKeysSite() {
        assertEquals(List.of("key:0fb5438e", "news.example"), Sites.moderated(List.of("key:0fb5438e", "news.example")).names());
        assertEquals(List.of("key:dev"), Sites.moderated(List.of("key:dev")).names(), "the dev key's (a newcomer's fourth audit)");
        for (String bad : new String[] {"key:0FB5438E", "key:0fb5438", "key:0fb5438e0", "account:alice", "key:", "key:DEV", "key:devs"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sites.moderated(List.of(bad)), bad);
            assertTrue(e.getMessage().endsWith("or an unnamed key's site: key: and its 8 hex digits (key:0fb5438e), or the dev key's,"
                    + " key:dev"), e.getMessage());
        }
        assertTrue(Sites.isKeySite("key:0fb5438e"));
        assertFalse(Sites.isKeySite("key:0fb5438g"));
        assertFalse(Sites.isKeySite(null));
        assertThrows(IllegalArgumentException.class, () -> Sites.moderated(sites(101)));
    }

    /** The moderators table's column: NULL is every site; a value is read as written, unchecked. */
    @Test
    void theColumnIsWrittenAndReadBack() {
        Sites two = Sites.of(List.of("b.example", "a.example"));
        assertEquals("b.example|a.example", two.written());
        assertEquals(two, Sites.read(two.written()));
        assertNull(Sites.EVERY.written());
        assertSame(Sites.EVERY, Sites.read(null));
        assertEquals(List.of("Not A Site", "x"), Sites.read("Not A Site|x").names(), "read as an operator set it");
        assertEquals(two, Sites.parse("b.example|a.example"));
        assertThrows(IllegalArgumentException.class, () -> Sites.parse("a.example|"), "an empty name");
    }

    @Test
    void whatTheSitesInclude() {
        Sites two = Sites.of(List.of("b.example", "a.example"));
        assertTrue(two.includes("a.example"));
        assertFalse(two.includes("c.example"));
        assertFalse(two.includes(null), "a comment stored before sites were kept is no chosen site's");
        assertTrue(Sites.EVERY.includes(null));
        assertTrue(Sites.EVERY.every());
        assertFalse(two.every());
        assertEquals("a.example", Sites.one("a.example").only());
        assertNull(two.only());
        assertEquals(List.of("key:0fb5438e"), Sites.stored("key:0fb5438e").names(), "stored sites are not checked as names");
        assertThrows(IllegalArgumentException.class, () -> Sites.stored(List.of()));
    }

    @Test
    void sitesAreEqualByTheirNamesInOrder() {
        Sites ab = Sites.of(List.of("a.example", "b.example"));
        assertEquals(ab, Sites.of(List.of("a.example", "b.example", "a.example")));
        assertEquals(ab.hashCode(), Sites.of(List.of("a.example", "b.example")).hashCode());
        assertNotEquals(ab, Sites.of(List.of("b.example", "a.example")));
        assertNotEquals(ab, Sites.EVERY);
        assertNotEquals(ab, "a.example|b.example");
        assertNotEquals(Sites.EVERY.hashCode(), ab.hashCode());
        assertEquals("a.example|b.example", ab.toString());
        assertEquals("every site", Sites.EVERY.toString());
    }
}
