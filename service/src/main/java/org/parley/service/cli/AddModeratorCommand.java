package org.parley.service.cli;

import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.parley.service.ParleyConfiguration;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;
import org.parley.service.store.AccountStore;
import org.parley.service.store.CommentStore;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * {@code add-moderator CONFIG --username NAME [--role moderator|admin] [--site NAME|*]...}: creates a moderator
 * account in the configured database, or sets a new password (an existing account keeps its role unless {@code --role} says). {@code --site} (repeatable) narrows the account
 * to those sites' comments ({@code *}: every site's; {@code key:FINGERPRINT}: an unnamed key's, {@link Sites#moderated});
 * without it a new account moderates every site and an
 * existing one keeps its sites. The password comes from PARLEY_PASSWORD,
 * else the terminal (not echoed), else the first line of stdin — never from the command line,
 * where other users could read it.
 */
public final class AddModeratorCommand extends ScriptCommand {
    /** {@code --site '*'}: the account moderates every site. */
    static final String EVERY = "*";

    public AddModeratorCommand() {
        super("add-moderator", "Create a moderator account, or set its password (at least 8 characters, at most 72 bytes in UTF-8) and role",
                "--username NAME [--role moderator|admin] [--site NAME|*]...");
    }

    @Override
    void addOptions(Subparser subparser) {
        subparser.addArgument("--username").metavar("NAME").required(true).help("the log-in name (at most 100 characters)");
        subparser.addArgument("--role").choices("moderator", "admin")
                .help("moderator or admin (a senior moderator: decides escalated comments); default: moderator for a new account,"
                        + " unchanged for an existing one");
        subparser.addArgument("--site").metavar("NAME").action(net.sourceforge.argparse4j.impl.Arguments.append())
                .help("a site whose comments the account reads and decides (as in a key's site=NAME, or an unnamed key's"
                        + " key:FINGERPRINT); repeatable, for several; * for every site; default: every site for a new account,"
                        + " unchanged for an existing one");
    }

    @Override
    void execute(Namespace args, ParleyConfiguration config) throws Exception {
        String username = args.getString("username").strip();
        if (username.isEmpty() || username.length() > 100) throw new IllegalArgumentException("--username must be 1 to 100 characters");
        Sites sites = sites(args.getList("site"));
        char[] password = password();
        if (password.length < 8) throw new IllegalArgumentException("the password must have at least 8 characters");
        try (CommandDatabase db = CommandDatabase.open(config, "add-moderator")) {
            String role = args.getString("role");
            new AccountStore(db.jdbi()).put(username, password, role == null ? null : Role.parse(role), sites, Instant.now());
            System.out.println("account '" + username + "' (" + (role == null ? "role as it was, or moderator if new" : role)
                    + (sites == null ? "" : sites.every() ? ", every site" : (sites.only() != null ? ", site " : ", sites ") + sites)
                    + ") saved");
            // A fingerprint mistyped narrows the account to no comments, and nothing else would say so.
            if (sites != null) {
                List<String> stored = new CommentStore(db.jdbi()).storedSites();
                for (String site : sites.names())
                    if (Sites.isKeySite(site) && !stored.contains(site))
                        System.out.println("note: no comment is stored under " + site + " yet: check that it is an unnamed key's"
                                + " (a comment's site, as GET /v1/comments/{id} shows it)");
            }
        }
    }

    /** The --site values: null (none given: keep), every site ('*', alone), or the sites named. */
    static Sites sites(List<String> given) {
        if (given == null) return null;
        if (given.contains(EVERY)) {
            if (given.size() > 1) throw new IllegalArgumentException("--site * is every site: name no other with it");
            return Sites.EVERY;
        }
        try {
            return Sites.moderated(given);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--site " + e.getMessage() + "; --site * alone is every site");
        }
    }

    private static char[] password() throws Exception {
        String env = System.getenv("PARLEY_PASSWORD");
        if (env != null && !env.isEmpty()) return env.toCharArray();
        Console console = System.console();
        if (console != null) return console.readPassword("password: ");
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null) throw new IllegalArgumentException("no password: set PARLEY_PASSWORD or type it");
        return line.toCharArray();
    }
}
