package org.parley.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.parley.service.errors.WatchedInput;

import java.io.InputStream;
import java.util.Optional;

/**
 * A request body charged to its caller's bucket as it is read, a token per {@code bytesPerToken}, so a
 * large request costs what many small ones would. Charged while it is read, not once answered:
 * requests sent together would otherwise all pass the bucket before the first was charged. When the
 * answer is a 4xx ({@link Refund}), what it cost beyond one full bucket is given back: a body refused
 * for itself (over the size limit, gzip that does not inflate, bad UTF-8 or JSON, a failed check) was
 * never scored, yet a 39 KB gzip body inflating past the limit left its key 262 s of debt. Capped, not
 * free: a key sending 27 MB bodies that fail at their last field would else cost the service a parse
 * each for one token; so each refusal may still empty the bucket, a burst's wait at most. A 503 (the
 * service at capacity, its database down, or stopping) is given back the same way: the body was not
 * scored or stored, and its answer asks for the same request again after a second or five, which a
 * 2 MB batch's 18 s of debt turned into a 429.
 */
public final class BodyCharge extends WatchedInput {
    private static final String PROPERTY = BodyCharge.class.getName();
    private final RateLimiter limiter;
    private final RateLimiter.Payer payer;
    private long read;
    private boolean refunded;

    private BodyCharge(InputStream in, RateLimiter limiter, RateLimiter.Payer payer) {
        super(in);
        this.limiter = limiter;
        this.payer = payer;
    }

    /** Charges the request's body to {@code payer} from here on, and remembers it for {@link Refund}. */
    static void attach(ContainerRequestContext request, RateLimiter limiter, RateLimiter.Payer payer) {
        BodyCharge charge = new BodyCharge(request.getEntityStream(), limiter, payer);
        request.setProperty(PROPERTY, charge);
        request.setEntityStream(charge);
    }

    /** Who pays for the request's body, and so for its stance ({@link RateLimiter#chargeWork}); empty where bodies are not charged. */
    static Optional<RateLimiter.Payer> payer(ContainerRequestContext request) {
        return request.getProperty(PROPERTY) instanceof BodyCharge charge ? Optional.of(charge.payer) : Optional.empty();
    }

    @Override
    protected synchronized void seen(byte[] buf, int off, int n) {
        if (refunded) return;
        long before = limiter.bodyTokens(read);
        read += n;
        limiter.charge(payer, limiter.bodyTokens(read) - before);
    }

    private synchronized void refund() {
        if (refunded) return;
        refunded = true;
        limiter.refundBeyondBurst(payer, limiter.bodyTokens(read));
    }

    /** Gives a refused (4xx) or not taken (503) request's body charge beyond one full bucket back, whatever refused it. */
    public static final class Refund implements ContainerResponseFilter {
        @Override
        public void filter(ContainerRequestContext request, ContainerResponseContext response) {
            int status = response.getStatus();
            if ((status >= 400 && status < 500 || status == 503) && request.getProperty(PROPERTY) instanceof BodyCharge c)
                c.refund();
        }
    }
}
