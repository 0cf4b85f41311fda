package org.parley.service.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.service.errors.ServletErrors;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perAddress} requests in progress per client address, refused with a 429 before anything
 * reads the body. A request holds one of Jetty's threads (1,024) while its body is read, and a client that
 * sends the headers and then a byte of body now and then holds it until the idle timeout: a security audit
 * sent 1,100 such log-ins (no key needed) from one address, and the service answered nobody while they
 * stayed open. Keys' rate limits come too late for this: they count requests, and these never finish.
 *
 * <p>Its refusals are counted ({@value #METER}, {@code parley_concurrency_refused_total}): they come before Jersey, so no
 * endpoint's metric has them, and Jetty's {@code 4xx} meter told them from no other 4xx.
 */
public final class ConcurrencyLimit implements Filter {
    public static final String METER = "parley.concurrency.refused";
    private final int perAddress;
    private final com.codahale.metrics.Meter refused;
    private final ConcurrentHashMap<String, Integer> inProgress = new ConcurrentHashMap<>();

    /**
     * @param perAddress requests in progress per client address; 0: no limit
     * @param refused marked at each request refused
     */
    public ConcurrencyLimit(int perAddress, com.codahale.metrics.Meter refused) {
        this.perAddress = perAddress;
        this.refused = refused;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (perAddress == 0) {
            chain.doFilter(req, res);
            return;
        }
        String address = ClientAddress.of((HttpServletRequest) req);
        if (inProgress.merge(address, 1, Integer::sum) > perAddress) {
            release(address);
            refused.mark();
            HttpServletResponse response = (HttpServletResponse) res;
            response.setHeader("Retry-After", "1");
            response.setHeader("Connection", "close");  // the body, if any, is never read
            ServletErrors.write(response, 429, "more than " + perAddress + " requests in progress from this address; retry after 1 s");
            return;
        }
        try {
            chain.doFilter(req, res);
        } finally {
            release(address);
        }
    }

    /** Counted down, and forgotten at 0: addresses are many. */
    private void release(String address) {
        inProgress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
    }

    /** Requests in progress from the address (tests). */
    int inProgress(String address) {
        return inProgress.getOrDefault(address, 0);
    }

    /** Addresses with requests in progress (tests). */
    int addresses() {
        return inProgress.size();
    }
}
