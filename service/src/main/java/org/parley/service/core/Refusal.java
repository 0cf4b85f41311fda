package org.parley.service.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.ErrorResponses;
import org.parley.service.errors.ServletErrors;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A scoring request that arrives while its lane of the {@link ScoringGate} is full is refused here, before Jersey,
 * the key check and the body: the gate would refuse it at once all the same, and refusing it there cost a parse of
 * the body, so that over 2,000 connections the refusals took the cores from the few requests scoring
 * (docs/scoring-api.md, "Overload"). The answer is the gate's: a 503 with Retry-After, in Google's envelope on
 * /v1alpha1. A request this filter lets through may still be refused by the gate, which alone keeps the count.
 */
public final class Refusal implements Filter {
    private static final Pattern COLON = Pattern.compile("%3[Aa]");
    private final ScoringGate gate;
    private final ScoringGate batchGate;
    private final ObjectMapper json;

    public Refusal(ScoringGate gate, ScoringGate batchGate, ObjectMapper json) {
        this.gate = gate;
        this.batchGate = batchGate;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String path = scoringPath(request.getRequestURI());
        ScoringGate lane = !"POST".equals(request.getMethod()) ? null
                : path.equals("/v1/score") || path.equals("/v1alpha1/comments:analyze") ? gate
                : path.equals("/v1/score/batch") || path.equals("/v1/score/thread") ? batchGate : null;
        Optional<ApiException> refused = lane == null ? Optional.empty() : lane.refusalNow();
        if (refused.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        ApiException e = refused.get();
        HttpServletResponse response = (HttpServletResponse) res;
        response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
        response.setHeader("X-Content-Type-Options", "nosniff");  // as on every other answer (auth.NoSniff)
        // In the format Jersey's mappers would give it: Google's envelope on /v1alpha1.
        ServletErrors.write(response, e.status(), json.writeValueAsBytes(ErrorResponses.body(path, e)));
    }

    /**
     * The path as Jersey will match it: the colon of {@code comments%3Aanalyze} decoded ({@code resources.EncodedColons})
     * and one trailing slash dropped ({@code /v1/score/} is scored as {@code /v1/score}), so neither spelling gets past.
     */
    static String scoringPath(String uri) {
        String path = COLON.matcher(uri).replaceAll(":");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
