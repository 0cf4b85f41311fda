/**
 * The requests' gate: who a caller is, and what it may spend. A caller ({@link org.parley.service.auth.Caller}) is an
 * API key ({@link org.parley.service.auth.ApiKeys}: {@code Authorization: Bearer KEY}, {@code ?key=KEY} or
 * {@code X-Goog-Api-Key}) or a moderator's session ({@link org.parley.service.auth.ModeratorSession}, its
 * {@link org.parley.service.auth.SessionCookie cookie}), each with a role and sites (the access package's);
 * {@link org.parley.service.auth.ApiKeyAuthFilter} authenticates it, Jersey's {@code @RolesAllowed} checks the role
 * and {@link org.parley.service.auth.RoleRefusalMapper} says what a refusal needed.
 * <p>
 * The limits: per key or moderator, a token bucket charged by request and by body as it is read
 * ({@link org.parley.service.auth.RateLimiter}, {@link org.parley.service.auth.BodyCharge}); per client address, failed
 * credentials, the log-in throttle ({@link org.parley.service.auth.LoginThrottle}) and requests in progress
 * ({@link org.parley.service.auth.ConcurrencyLimit}). Bucket4j's buckets are this process's
 * ({@link org.parley.service.auth.TokenBuckets}) or, for the log-in throttle on PostgreSQL, the database's
 * ({@link org.parley.service.auth.SharedBuckets}). And the filters that keep browsers safe: no sniffing and private
 * answers on the API, the moderator page's Content-Security-Policy, and web pages kept off the admin port's tasks.
 */
package org.parley.service.auth;
