package org.parley.service.cli;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.JarCommands;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;
import org.parley.service.store.AccountStore;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** {@code java -jar parley-service.jar add-moderator CONFIG --username NAME}, as scripts/add-moderator runs it. */
class AddModeratorCommandTest {
    @TempDir Path dir;
    private final InputStream stdin = System.in;
    private final JarCommands commands = new JarCommands();

    @AfterEach
    void restoreStdin() {
        System.setIn(stdin);
    }

    /** Runs the command with the password on stdin (no console under the test runner). */
    private Optional<Throwable> run(String password, String... args) throws Exception {
        System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
        String[] all = new String[args.length + 2];
        all[0] = "add-moderator";
        all[1] = JarCommands.h2Config(dir, url()).toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return commands.run(all);
    }

    /**
     * An operator's audit (sixty-fourth session): the account commands and scripts/erase said only the driver's
     * "Connection refused"; they name the database, its user and the variables, as export-decisions and the service do.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"add-moderator --username ann", "remove-moderator --username ann",
            "erase --site news.example --id c1"})
    void aDatabaseThatCannotBeReachedIsNamed(String command) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2"; // port 1: nothing listens
        java.nio.file.Path config = JarCommands.postgresConfig(dir, url);
        System.setIn(new ByteArrayInputStream("a-good-password\n".getBytes(StandardCharsets.UTF_8)));
        String[] words = command.split(" ");
        String[] args = new String[words.length + 1];
        args[0] = words[0];
        args[1] = config.toString();
        System.arraycopy(words, 1, args, 2, words.length - 1);
        assertTrue(commands.run(args).isPresent());
        String said = commands.err().strip();
        assertTrue(said.startsWith(words[0] + ": cannot open the database " + url + " as postgres (PARLEY_DB_URL, PARLEY_DB_USER,"
                + " PARLEY_DB_PASSWORD): "), said);
    }

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";
    }

    @Test
    void storesTheAccountWithThePasswordFromStdin() throws Exception {
        assertEquals(Optional.empty(), run("correct horse", "--username", "ada", "--role", "admin"));
        AccountStore accounts = new AccountStore(Jdbi.create(url(), "sa", ""));
        assertEquals(Optional.of(Role.ADMIN), accounts.check("ada", "correct horse".toCharArray()).map(AccountStore.Account::role));
        assertEquals(Optional.empty(), accounts.check("ada", "wrong horse".toCharArray()));
    }

    /** A password reset without --role keeps the role (an admin stays one); a new account without it is a moderator. */
    @Test
    void aResetWithoutRoleKeepsTheRole() throws Exception {
        assertEquals(Optional.empty(), run("correct horse", "--username", "ada", "--role", "admin"));
        assertEquals(Optional.empty(), run("battery staple", "--username", "ada"));
        AccountStore accounts = new AccountStore(Jdbi.create(url(), "sa", ""));
        assertEquals(Role.ADMIN, accounts.check("ada", "battery staple".toCharArray()).orElseThrow().role(), "not demoted");
        assertEquals(Optional.empty(), run("battery staple", "--username", "ada", "--role", "moderator"));
        assertEquals(Role.MODERATOR, accounts.check("ada", "battery staple".toCharArray()).orElseThrow().role(), "demoted when asked");
        assertEquals(Optional.empty(), run("correct horse", "--username", "bob"));
        assertEquals(Role.MODERATOR, accounts.check("bob", "correct horse".toCharArray()).orElseThrow().role(), "new: a moderator");
    }

    /** --site narrows the account to one site; a reset without it keeps the site; '*' is every site; a bad name is refused. */
    @Test
    void siteNarrowsTheAccountAndAResetWithoutItKeepsIt() throws Exception {
        assertEquals(Optional.empty(), run("correct horse", "--username", "sam", "--site", "news.example"));
        AccountStore accounts = new AccountStore(Jdbi.create(url(), "sa", ""));
        assertEquals(Sites.one("news.example"), accounts.check("sam", "correct horse".toCharArray()).orElseThrow().sites());
        assertEquals(Optional.empty(), run("battery staple", "--username", "sam"));
        assertEquals(Sites.one("news.example"), accounts.check("sam", "battery staple".toCharArray()).orElseThrow().sites());
        assertEquals(Optional.empty(), run("battery staple", "--username", "sam", "--site", "*"));
        assertEquals(Sites.EVERY, accounts.check("sam", "battery staple".toCharArray()).orElseThrow().sites());

        assertTrue(run("correct horse", "--username", "sam", "--site", "News Example").isPresent());
        assertTrue(commands.err().contains("add-moderator: --site takes 1 to 64 lowercase letters"), commands.err());
        assertEquals(Sites.EVERY, accounts.check("sam", "battery staple".toCharArray()).orElseThrow().sites(), "unchanged");
    }

    /** --site again for each of a chosen few; a reset without it keeps them all; '*' goes alone. */
    @Test
    void siteRepeatedNamesSeveralSites() throws Exception {
        assertEquals(Optional.empty(), run("correct horse", "--username", "sam", "--site", "news.example", "--site", "blog.example"));
        AccountStore accounts = new AccountStore(Jdbi.create(url(), "sa", ""));
        Sites both = Sites.of(java.util.List.of("news.example", "blog.example"));
        assertEquals(both, accounts.check("sam", "correct horse".toCharArray()).orElseThrow().sites());
        assertEquals(Optional.empty(), run("battery staple", "--username", "sam"));
        assertEquals(both, accounts.check("sam", "battery staple".toCharArray()).orElseThrow().sites(), "kept");

        assertTrue(run("correct horse", "--username", "sam", "--site", "news.example", "--site", "*").isPresent());
        assertTrue(commands.err().contains("add-moderator: --site * is every site: name no other with it"), commands.err());
        assertTrue(run("correct horse", "--username", "sam", "--site", "news.example", "--site", "a|b").isPresent());
        assertTrue(commands.err().contains("add-moderator: --site takes 1 to 64 lowercase letters"), commands.err());
        assertEquals(both, accounts.check("sam", "battery staple".toCharArray()).orElseThrow().sites(), "unchanged");
    }

    /**
     * An unnamed key's site, {@code key:FINGERPRINT}, as the service stores its comments: taken alone or beside names
     * (twenty-fifth session; --site took names only), checked as the service makes it; one under which nothing is stored
     * yet is saved with a note, since a mistyped fingerprint would narrow the account to no comments.
     */
    @Test
    void siteTakesAnUnnamedKeysSite() throws Exception {
        String unnamed = new org.parley.service.auth.ApiKey("an-unnamed-website-key", Role.WEBSITE, 1).site();
        String said = said("correct horse", "--username", "kim", "--site", "news.example", "--site", unnamed);
        AccountStore accounts = new AccountStore(Jdbi.create(url(), "sa", ""));
        assertEquals(java.util.List.of("news.example", unnamed), accounts.check("kim", "correct horse".toCharArray()).orElseThrow().sites().names());
        assertTrue(said.contains("note: no comment is stored under " + unnamed + " yet"), said);

        for (String bad : java.util.List.of("key:", "key:0FB5438E", "key:0fb5438", "key:0fb5438e0", "key:0fb5438g", "account:kim", "key:0fb5438e|x")) {
            assertTrue(run("correct horse", "--username", "kim", "--site", bad).isPresent(), bad);
            assertTrue(commands.err().endsWith("add-moderator: --site takes 1 to 64 lowercase letters, digits, '.', '_' or '-', or an unnamed"
                    + " key's site: key: and its 8 hex digits (key:0fb5438e), or the dev key's, key:dev; --site * alone is every site\n"),
                    bad + ": " + commands.err());
        }
        assertEquals(java.util.List.of("news.example", unnamed), accounts.check("kim", "correct horse".toCharArray()).orElseThrow().sites().names(),
                "unchanged");
    }

    /** A moderator's audit: someone who left the team could only be locked out by resetting their password. */
    @Test
    void removeModeratorDeletesTheAccountAndEndsItsSessions() throws Exception {
        assertEquals(Optional.empty(), run("correct horse", "--username", "leaver"));
        assertEquals(Optional.empty(), run("battery staple", "--username", "stayer"));
        AccountStore accounts = new AccountStore(Jdbi.create(url(), "sa", ""));
        AccountStore.Account leaver = accounts.check("leaver", "correct horse".toCharArray()).orElseThrow();
        String token = accounts.login(leaver, java.time.Duration.ofHours(8), java.time.Instant.now()).orElseThrow().token();

        commands.clearOut();
        assertEquals(Optional.empty(), commands.run("remove-moderator", JarCommands.h2Config(dir, url()).toString(), "--username", "leaver"));
        assertEquals("account 'leaver' removed, its sessions ended\n", commands.out());
        assertEquals(Optional.empty(), accounts.check("leaver", "correct horse".toCharArray()));
        assertEquals(Optional.empty(), accounts.session(token, java.time.Instant.now()), "a session already open ends too");
        assertTrue(accounts.check("stayer", "battery staple".toCharArray()).isPresent(), "only that account");

        assertTrue(commands.run("remove-moderator", JarCommands.h2Config(dir, url()).toString(), "--username", "nobody").isPresent());
        assertTrue(commands.err().contains("remove-moderator: no account 'nobody'"), commands.err());
    }

    @Test
    void aShortPasswordOrLongNameIsRefusedWithItsReasonAndNoStackTrace() throws Exception {
        assertTrue(run("pw2", "--username", "bob").isPresent());
        assertTrue(run("long enough", "--username", "b".repeat(101)).isPresent());
        String said = commands.err();
        assertTrue(said.contains("add-moderator: the password must have at least 8 characters"), said);
        assertTrue(said.contains("add-moderator: --username must be 1 to 100 characters"), said);
        assertFalse(said.contains("\tat "), said);
    }

    /** What the command says it saved: the role, or that it is kept; every site, one, or several; and the bounds, both sides. */
    @Test
    void itSaysWhatItSavedAndTakesTheBoundsThemselves() throws Exception {
        String longest = "a".repeat(100);
        assertEquals("account '" + longest + "' (role as it was, or moderator if new) saved\n", said("12345678", "--username", longest));
        assertEquals("account 'ada' (admin, every site) saved\n", said("correct horse", "--username", "ada", "--role", "admin", "--site", "*"));
        assertEquals("account 'ada' (role as it was, or moderator if new, site news.example) saved\n",
                said("correct horse", "--username", "ada", "--site", "news.example"));
        assertEquals("account 'ada' (moderator, sites news.example|blog.example) saved\n",
                said("correct horse", "--username", "ada", "--role", "moderator", "--site", "news.example", "--site", "blog.example"));
        assertTrue(run("1234567", "--username", "bob").isPresent(), "7 characters");
        assertTrue(commands.err().contains("the password must have at least 8 characters"), commands.err());
    }

    /** The command's standard output, run with {@code password} on stdin; it must succeed. */
    private String said(String password, String... args) throws Exception {
        commands.clearOut();
        assertEquals(Optional.empty(), run(password, args));
        return commands.out();
    }
}
