package org.parley.service.store;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.google.common.hash.Hashing;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Moderator accounts (passwords as bcrypt hashes) and their login sessions (only a token's SHA-256
 * is stored, with its expiry).
 */
public final class AccountStore {
    /**
     * Set in the tests' JVMs alone (service/pom.xml), as Rails' tests set bcrypt's min_cost: hashing and checking at 2^10
     * rounds were 14 % of the service tests' JFR execution samples (fifty-third session). The service warns when it is set.
     */
    public static final String TEST_MIN_COST = "parley.test.bcryptMinCost";
    private static final int SERVICE_COST = 10, LEAST_COST = 4;
    /** bcrypt's work factor: 2^10 rounds, about a tenth of a second a hash; bcrypt's least, 4, where TEST_MIN_COST is set. */
    static final int BCRYPT_COST = cost(System.getProperty(TEST_MIN_COST));
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    public AccountStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param credential the password hash the account was checked against: a session issued for it
     *                   lasts only while the account keeps that hash (not shown by toString)
     * @param sites      the sites the account moderates
     */
    public record Account(String username, Role role, String credential, Sites sites) {
        @Override
        public String toString() {
            return "Account[" + username + ", " + role + (sites.every() ? "" : ", " + sites) + "]";
        }
    }

    /** A logged-in session: the token goes to the browser, never into the database. */
    public record Session(String token, Account account, Instant expiresAt) {}

    public boolean isEmpty() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM moderators").mapTo(Integer.class).one()) == 0;
    }

    /** bcrypt reads at most this many bytes of a password (UTF-8); longer ones are refused, not cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** As {@link #put(String, char[], Role, Sites, Instant)}, the sites left as they are (a new account: every site). */
    public void put(String username, char[] password, Role role, Instant now) {
        put(username, password, role, null, now);
    }

    /**
     * Creates the account, or sets a new password and role for an existing one and ends its
     * sessions (a reset after a leak must lock the old holder out).
     *
     * @param role  the account's role, or null to leave it as it is (a new account is a moderator): a password reset
     *              that forgets to name the role must not demote an admin
     * @param sites the sites the account moderates ({@link Sites#EVERY}: every site), or null to leave them as they
     *              are: a password reset that forgets to name the sites must not widen the account to every site
     * @throws IllegalArgumentException for a password over {@value #MAX_PASSWORD_BYTES} bytes
     */
    public void put(String username, char[] password, Role role, Sites sites, Instant now) {
        String hash = hash(password);
        boolean keep = sites == null, keepRole = role == null;
        String stored = keep ? null : sites.written();
        String roleName = (keepRole ? Role.MODERATOR : role).name();
        jdbi.useTransaction(h -> {
            // Inserted, unless the name is taken: then updated. Of two runs for one new name at once, the second's insert
            // waits for the first's and, finding it, updates it; an update that found no row, then an insert, met the
            // primary key (a database review, thirty-eighth session). Removed in between: as if removed after.
            if (h.createUpdate("INSERT INTO moderators (username, password_hash, role, site, created_at)"
                            + " VALUES (:u, :hash, :role, :site, :at) ON CONFLICT DO NOTHING")
                    .bind("u", username).bind("hash", hash).bind("role", roleName).bind("site", stored)
                    .bind("at", CommentStore.utc(now)).execute() == 1) return;
            int rows = h.createUpdate("UPDATE moderators SET password_hash = :hash,"
                            + " role = CASE WHEN :keepRole THEN role ELSE CAST(:role AS VARCHAR(20)) END,"
                            + " site = CASE WHEN :keep THEN site ELSE CAST(:site AS VARCHAR(6500)) END WHERE username = :u")
                    .bind("hash", hash).bind("keepRole", keepRole).bind("role", roleName).bind("keep", keep).bind("site", stored)
                    .bind("u", username).execute();
            if (rows > 0) h.createUpdate("DELETE FROM sessions WHERE username = :u").bind("u", username).execute();
        });
    }

    /**
     * Removes the account and ends its sessions: someone who leaves the team can log in no more. Their
     * decisions keep their name (the audit trail holds names, not accounts).
     *
     * @return whether there was such an account
     */
    public boolean remove(String username) {
        return jdbi.inTransaction(h -> {
            // Locked first, as a log-in locks it: one storing its session meanwhile is waited for and its session deleted,
            // where deleting the row after it met the session's foreign key.
            h.createQuery("SELECT username FROM moderators WHERE username = :u FOR UPDATE").bind("u", username)
                    .mapTo(String.class).findOne();
            h.createUpdate("DELETE FROM sessions WHERE username = :u").bind("u", username).execute();
            return h.createUpdate("DELETE FROM moderators WHERE username = :u").bind("u", username).execute() > 0;
        });
    }

    /**
     * Creates the account unless one of that name exists, which it leaves as it is.
     *
     * @return whether this call created it
     * @throws IllegalArgumentException for a password over {@value #MAX_PASSWORD_BYTES} bytes
     */
    public boolean create(String username, char[] password, Role role, Instant now) {
        String hash = hash(password);
        try {
            return jdbi.withHandle(h -> h.createUpdate("INSERT INTO moderators (username, password_hash, role, created_at)"
                            + " SELECT :u, :hash, :role, :at WHERE NOT EXISTS (SELECT 1 FROM moderators WHERE username = :u)")
                    .bind("u", username).bind("hash", hash).bind("role", role.name()).bind("at", CommentStore.utc(now))
                    .execute()) == 1;
        } catch (UnableToExecuteStatementException e) {
            // Inserted by another process between the check and the insert: the primary key refused it.
            if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) return false;
            throw e;
        }
    }

    /** The account if the password is right; the same time is spent on an unknown user. */
    public Optional<Account> check(String username, char[] password) {
        Optional<String[]> row = jdbi.withHandle(h -> h.createQuery("SELECT password_hash, role, site FROM moderators WHERE username = :u")
                .bind("u", username).map((rs, ctx) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}).findOne());
        String hash = row.map(r -> r[0]).orElse(DUMMY_HASH);
        // No stored password is that long, and bcrypt's verifier throws on one: same work, no match.
        boolean tooLong = utf8Length(password) > MAX_PASSWORD_BYTES;
        boolean ok = BCrypt.verifyer().verify(tooLong ? DUMMY_PASSWORD : password, hash.toCharArray()).verified && !tooLong;
        return ok && row.isPresent()
                ? Optional.of(new Account(username, Role.valueOf(row.get()[1]), hash, Sites.read(row.get()[2]))) : Optional.empty();
    }

    private static final char[] DUMMY_PASSWORD = "not a password".toCharArray();
    private static final String DUMMY_HASH = BCrypt.withDefaults().hashToString(BCRYPT_COST, DUMMY_PASSWORD);

    /** The bcrypt hash to store; a password longer than bcrypt reads is refused, not cut. */
    private static String hash(char[] password) {
        if (utf8Length(password) > MAX_PASSWORD_BYTES)
            throw new IllegalArgumentException("the password must be at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8");
        return BCrypt.withDefaults().hashToString(BCRYPT_COST, password);
    }

    static int cost(String testMinCost) {
        return Boolean.parseBoolean(testMinCost) ? LEAST_COST : SERVICE_COST;
    }

    /** Whether passwords are hashed at bcrypt's least cost, which only tests should do. */
    public static boolean atTestCost() {
        return BCRYPT_COST == LEAST_COST;
    }

    private static int utf8Length(char[] password) {
        return StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)).remaining();
    }

    /**
     * A session for the account as {@link #check} found it; empty if it is gone since, or has another password: a
     * {@code remove-moderator} or a reset between the check and now fails the log-in, as it would a moment later.
     */
    public Optional<Session> login(Account account, Duration lifetime, Instant now) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // To the microsecond, as the database keeps it: the log-in answered nanoseconds, GET /v1/session the stored time.
        Instant expires = now.plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        return jdbi.inTransaction(h -> {
            // The account's row is locked first, as a removal and a reset lock it: a removal that commits meanwhile made
            // the session's insert meet its foreign key, a 500 (a database review, thirty-eighth session), and on H2 could leave
            // a session of no account. A removal or reset that comes after waits, and ends the session.
            if (h.createQuery("SELECT username FROM moderators WHERE username = :u AND password_hash = :c FOR UPDATE")
                    .bind("u", account.username()).bind("c", account.credential()).mapTo(String.class).findOne().isEmpty())
                return Optional.empty();
            h.createUpdate("INSERT INTO sessions (token_hash, username, credential, created_at, expires_at)"
                            + " VALUES (:t, :u, :c, :at, :exp)")
                    .bind("t", sha256(token)).bind("u", account.username()).bind("c", account.credential())
                    .bind("at", CommentStore.utc(now)).bind("exp", CommentStore.utc(expires)).execute();
            return Optional.of(new Session(token, account, expires));
        });
    }

    /**
     * The session's account, if the token is known, not expired, and issued under the password the
     * account has now (a reset ends every session, even one whose log-in raced it).
     */
    public Optional<Session> session(String token, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT s.expires_at, m.username, m.role, m.password_hash, m.site FROM sessions s
                        JOIN moderators m ON m.username = s.username AND m.password_hash = s.credential
                        WHERE s.token_hash = :t AND s.expires_at > :now""")
                .bind("t", sha256(token)).bind("now", CommentStore.utc(now))
                .map((rs, ctx) -> new Session(token, new Account(rs.getString("username"), Role.valueOf(rs.getString("role")),
                        rs.getString("password_hash"), Sites.read(rs.getString("site"))), CommentStore.instant(rs, "expires_at")))
                .findOne());
    }

    public void logout(String token) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM sessions WHERE token_hash = :t").bind("t", sha256(token)).execute());
    }

    /** Drops expired sessions; returns how many. */
    public int purgeExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_at <= :now")
                .bind("now", CommentStore.utc(now)).execute());
    }

    /** SHA-256 of the text's UTF-8, in lower-case hex (session tokens; suggestions' content keys; a site's comment keys). */
    static String sha256(String token) {
        return Hashing.sha256().hashString(token, StandardCharsets.UTF_8).toString();
    }

    /** A random password for a first run's admin account. */
    public static String randomPassword() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
