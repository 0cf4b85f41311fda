package org.parley.service.auth;

import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.Authorizer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.parley.service.errors.ApiException;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the key in {@code Authorization: Bearer KEY} or {@code ?key=KEY} (the Perspective way),
 * authenticates it, then spends one token of its rate limit. Roles are checked afterwards by
 * {@code @RolesAllowed}, with {@link Role#includes}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyAuthFilter extends AuthFilter<String, ApiKey> {
    private static final String BEARER = "Bearer";
    private final RateLimiter limiter;

    public ApiKeyAuthFilter(ApiKeys keys, RateLimiter limiter) {
        this.authenticator = keys::find;
        this.authorizer = (Authorizer<ApiKey>) (key, role, request) -> key.role().includes(Role.parse(role));
        this.prefix = BEARER;
        this.realm = "parley";
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String key = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .orElse(request.getUriInfo().getQueryParameters().getFirst("key"));
        if (key == null || key.isEmpty() || !authenticate(request, key, BEARER))
            throw new ApiException(401, "key", null, "missing or unknown API key: send 'Authorization: Bearer KEY' or '?key=KEY'");
        ApiKey principal = (ApiKey) request.getSecurityContext().getUserPrincipal();
        OptionalLong wait = limiter.tryAcquire(principal);
        if (wait.isPresent()) throw ApiException.tooManyRequests(wait.getAsLong(), principal.perSecond());
    }

    private static Optional<String> bearer(String header) {
        if (header == null) return Optional.empty();
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(BEARER)) return Optional.empty();
        return Optional.of(header.substring(space + 1).strip());
    }
}
