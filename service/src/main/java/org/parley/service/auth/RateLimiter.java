package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.time.Duration;
import java.util.OptionalLong;
import org.parley.service.access.Role;

/**
 * One token bucket per key, and one per moderator (all their sessions together): refills at the
 * key's requests per second (a moderator's: {@code sessionPerSecond}) and holds
 * {@code burstSeconds} worth of them, so short bursts pass and a sustained overload is refused.
 * A request costs one token, and one more for every {@code bytesPerToken} of its body: a batch of
 * 100 comments of 20,480 characters is seconds of work, not one request's (a refused body costs at
 * most a full bucket: {@link BodyCharge}). And each client address
 * may fail to authenticate {@code failuresPerMinute} times a minute; then it may not try again
 * until its bucket refills, so keys cannot be guessed at the service's speed. A {@code scorer} key, which a site
 * publishes in its pages, also has a bucket per client address at {@code scorerPerAddress}, which pays for that
 * visitor's bodies and stance: one visitor (or anyone who copied the key) could else empty the bucket that every
 * reader of the site shares.
 */
public final class RateLimiter {
    /** Visitors' buckets kept at most, the least recently used dropped beyond (~433 bytes each in a soak audit: ~43 MB in all). */
    static final long MOST_VISITORS = 100_000;
    /**
     * Addresses' tries kept at most, the least recently used dropped beyond. Every request that presents a credential
     * takes a try of its address's bucket (a success gives it back), so each new address, a page's reader with the scorer
     * key or a guesser with a made-up one, was a bucket kept 90 s with no bound: a fifth penetration test (forty-seventh
     * session) sent 40,000 wrong keys from as many loopback addresses in 31 s, +17 MB of heap (~430 bytes each); from an
     * IPv6 prefix, at a faster sender's rate, 90 s of them is gigabytes. Dropping one forgives its failures, which only
     * a sender of more than this many addresses in 90 s can cause, and it has as many budgets of its own anyway.
     */
    static final long MOST_ADDRESSES = 100_000;
    private final int burstSeconds;
    private final int sessionPerSecond;
    private final int bytesPerToken;
    private final int failuresPerMinute;
    private final int scorerPerAddress;
    private final TokenBuckets buckets, visitors, failures;

    /** No charge for body size and no limit on failed authentications (the resource tests' fakes). */
    public RateLimiter(int burstSeconds, int sessionPerSecond) {
        this(burstSeconds, sessionPerSecond, 0, 0);
    }

    /**
     * @param bytesPerToken     one more token per this many body bytes; 0: none
     * @param failuresPerMinute failed authentications allowed per client address and minute; 0: no limit
     */
    public RateLimiter(int burstSeconds, int sessionPerSecond, int bytesPerToken, int failuresPerMinute) {
        this(burstSeconds, sessionPerSecond, bytesPerToken, failuresPerMinute, 0);
    }

    /** @param scorerPerAddress requests/s of a scorer key from one client address; 0: no limit per address */
    public RateLimiter(int burstSeconds, int sessionPerSecond, int bytesPerToken, int failuresPerMinute, int scorerPerAddress) {
        this.scorerPerAddress = scorerPerAddress;
        this.burstSeconds = burstSeconds;
        this.sessionPerSecond = sessionPerSecond;
        this.bytesPerToken = bytesPerToken;
        this.failuresPerMinute = failuresPerMinute;
        // A caller's bucket is kept a day after its last use, not until it has refilled: a body's charge
        // can put it into debt (the largest body, 27 MB, is 7.4 hours at 1 request/s), and a bucket
        // forgotten in debt would forgive it. Keys and moderators are few. Addresses are many, but
        // their buckets never go into debt: a minute and a half after the last try they are full.
        this.buckets = new TokenBuckets(Duration.ofDays(1));
        // Visitors are many: a day's addresses of a news site's readers would be millions of buckets, so the least
        // recently used go first beyond 100,000 (a forgotten visitor's debt is forgiven; a key's never is).
        this.visitors = new TokenBuckets(Duration.ofDays(1), MOST_VISITORS);
        this.failures = new TokenBuckets(Duration.ofSeconds(90), MOST_ADDRESSES);
    }

    public boolean chargesBodies() {
        return bytesPerToken > 0;
    }

    /** Tokens a body of this many bytes costs beyond the request's own one. */
    public long bodyTokens(long bytes) {
        return bytesPerToken == 0 ? 0 : bytes / bytesPerToken;
    }

    /** Takes {@code tokens} more from the payer's bucket, into debt if need be. */
    void charge(Payer payer, long tokens) {
        payer.in().charge(payer.bucket(), () -> bandwidth(payer.perSecond()), tokens);
    }

    /**
     * Whose bucket pays for a request's body and stance: a scorer key's visitor's, where visitors have buckets of
     * their own, else the caller's.
     */
    Payer payer(Caller caller, String address) {
        return caller instanceof ApiKey key && perVisitor(key) ? visitor(key, address) : limit(caller);
    }

    /**
     * The work that a request's bytes do not measure, charged into debt if need be, as a body's KiB, to whoever pays for
     * the request's body ({@link #payer}, found by the auth filter): in the lane's turn, before the work, where it has
     * one (a request the full lane refuses pays none), else once done. A token is ~10 ms of a core, as a batch's KiB is;
     * nothing is charged where bodies are not charged either (the resource tests' fakes). Stance on targets for each of
     * a thread's comments (/v1/score/thread, /v1/threads), or on targets or a parent for each item of a batch
     * (/v1/score/batch), a token a comment and one more a comment for each 10 targets
     * ({@link #stanceTokens}): the sentence encoder reads every comment, however short, ~7 ms of a core, and each target
     * adds ~1-2 ms, so 500 comments of a few words and 10 targets were 7 s of work for the 30 tokens their 30 KiB paid,
     * and one key could keep every core busy (a security audit). Targets proposed from an article
     * ({@link #proposingTokens}), whatever NER finds. A /v1/threads call's new comments, scored and stored
     * ({@link #scoringTokens}). And a /v1/threads call's comments, stored or found stored
     * ({@link #threadCommentTokens}).
     */
    public void chargeWork(ContainerRequestContext request, long tokens) {
        if (tokens > 0) BodyCharge.payer(request).ifPresent(payer -> charge(payer, tokens));
    }

    /**
     * What the comments of a /v1/threads call cost beyond their bytes and stance, new or found stored (a re-send): a
     * tenth of a token each, for the store's look-up and row and the answer's view of each (its stance included). A
     * penetration test (forty-sixth session) re-sent a stored thread of 500 comments with 10 targets: 0.6 s of a core
     * for its 120 KB body's 121 tokens, at about the design's rate; but the work is per comment: the same thread of
     * comments of a few words, 17 KB, was 0.33-0.54 s for 18 tokens (20-30 ms a token), 68 now (docs/scoring-api.md,
     * "Charged by work").
     */
    public static long threadCommentTokens(int comments) {
        return comments / 10;
    }

    /** New comments of a /v1/threads call scored and stored for a token, beyond their bytes and their tenth. */
    public static final int COMMENTS_PER_SCORING_TOKEN = 5;

    /**
     * What a /v1/threads call's {@code comments} new comments, scored and stored, cost beyond their bytes: a token per
     * {@value #COMMENTS_PER_SCORING_TOKEN}, rounded down, in the lane's turn before the work. 500 new comments of a few
     * words were 1.5 s of a core (~3 ms each with the store's rows; docs/scoring-api.md, "Charged by work"). Charged on
     * /v1/score/batch and /v1/score/thread too for a while in the forty-seventh session, on the reasoning that a comment's
     * toxicity costs a fixed ~2 ms; measured there (scripts/benchmark-price), 100 short comments of a batch were 6-38 ms
     * of a core, at or under a single comment's rate per token by their bytes alone, so those pay their bytes.
     */
    public static long scoringTokens(int comments) {
        return comments / COMMENTS_PER_SCORING_TOKEN;
    }

    /** Characters of an article that NER reads for a token. */
    public static final int PROPOSING_CHARS_PER_TOKEN = 256;

    /**
     * What proposing targets from an article costs, {@code chars} the characters NER reads of it (its title and at most
     * 20,000 of its body: {@code TargetFinder.charsRead}): a token per started {@value #PROPOSING_CHARS_PER_TOKEN}. A
     * penetration test (forty-sixth session) measured 0.45-0.8 s of a core for 20,000 characters, charged until then
     * as its body's ~20 tokens, and nothing more when NER found no target; ~79 tokens now, at ~10 ms a token.
     */
    public static long proposingTokens(int chars) {
        return (chars + PROPOSING_CHARS_PER_TOKEN - 1L) / PROPOSING_CHARS_PER_TOKEN;
    }

    /** What stance on {@code targets} targets (0: a parent only) costs for {@code comments} comments. */
    public static long stanceTokens(int comments, int targets) {
        return stanceTokensOfReadings(comments, (long) comments * targets);
    }

    /**
     * As {@link #stanceTokens}, where the comments are read against different numbers of targets: {@code readings}
     * in all (a stored thread sent again, each stored comment read against the targets it lacks).
     */
    public static long stanceTokensOfReadings(int comments, long readings) {
        return (10L * comments + readings) / 10;
    }

    /** Gives back what of {@code tokens} that {@link #charge} took is more than the caller's bucket holds (a refused body's, {@link BodyCharge}). */
    void refundBeyondBurst(Payer payer, long tokens) {
        payer.in().giveBack(payer.bucket(), () -> bandwidth(payer.perSecond()), tokens - (long) payer.perSecond() * burstSeconds);
    }

    /**
     * A credential presented from this address: takes one of its tries, which {@link #succeeded}
     * gives back. Taken before the credential is checked, so that requests in flight together cannot
     * all pass before the first failure counts. Empty when the try may go ahead, else the seconds to wait.
     */
    public OptionalLong tryCredential(String address) {
        return failuresPerMinute == 0 ? OptionalLong.empty() : failures.tryTake("failed " + address, this::failures);
    }

    public void succeeded(String address) {
        if (failuresPerMinute > 0) failures.giveBack("failed " + address, this::failures, 1);
    }

    public int failuresPerMinute() {
        return failuresPerMinute;
    }

    private Bandwidth failures() {
        return Bandwidth.builder().capacity(failuresPerMinute).refillGreedy(failuresPerMinute, Duration.ofMinutes(1)).build();
    }

    /** Empty when the request may go ahead, else the seconds to wait (at least 1). */
    public OptionalLong tryAcquire(ApiKey key) {
        return take(limit(key));
    }

    /**
     * For a scorer key, a token of its visitor's own bucket (one client address), taken before the key's: empty when
     * the request may go ahead (or the key is no scorer key, or visitors have no limit), else the seconds to wait.
     */
    public OptionalLong tryAcquireVisitor(ApiKey key, String address) {
        if (!perVisitor(key)) return OptionalLong.empty();
        return take(visitor(key, address));
    }

    /** Visitors' buckets kept now (tests). */
    long visitorsKept() {
        return visitors.size();
    }

    /** Addresses' failure buckets kept now (tests). */
    long addressesKept() {
        return failures.size();
    }

    public int scorerPerAddress() {
        return scorerPerAddress;
    }

    private boolean perVisitor(ApiKey key) {
        return scorerPerAddress > 0 && key.role() == Role.SCORER;
    }

    private Payer visitor(ApiKey key, String address) {
        return new Payer(visitors, key.key() + " " + address, scorerPerAddress);
    }

    /** The same for a moderator's session, counted per username. */
    public OptionalLong tryAcquire(ModeratorSession session) {
        return take(limit(session));
    }

    public int sessionPerSecond() {
        return sessionPerSecond;
    }

    /**
     * A bucket that a caller spends from: where it is kept, its name there, and its refill rate. A key's own, one for
     * all of a moderator's sessions, or a scorer key's visitor's.
     */
    record Payer(TokenBuckets in, String bucket, int perSecond) {}

    private Payer limit(Caller caller) {
        if (caller instanceof ApiKey key) return new Payer(buckets, "key " + key.key(), key.perSecond());
        if (caller instanceof ModeratorSession session) return new Payer(buckets, "session " + session.username(), sessionPerSecond);
        throw new IllegalArgumentException("no rate limit for " + caller.getClass().getSimpleName());
    }

    private OptionalLong take(Payer payer) {
        return payer.in().tryTake(payer.bucket(), () -> bandwidth(payer.perSecond()));
    }

    private Bandwidth bandwidth(int perSecond) {
        return Bandwidth.builder().capacity((long) perSecond * burstSeconds).refillGreedy(perSecond, Duration.ofSeconds(1)).build();
    }
}
