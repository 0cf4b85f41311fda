package org.parley.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials one batch's parts presented that failed to authenticate (batch.BatchServlet puts one of these on each
 * of a batch's parts, as a request attribute). A part that presents one of them again is refused as the first was
 * without taking another of its address's failed-authentication tries: a batch spends a try per distinct wrong
 * credential, as the same requests sent alone would spend a try each. So a site's wrong key in all of a batch's 100
 * parts costs one try, not the address's whole minute, while a batch of 100 different guesses still costs 100, and
 * guessing stays bounded by {@code failedAuthPerMinute} however the guesses are sent.
 */
public final class RefusedInBatch {
    /** The request attribute (Jersey's request property) that holds a batch's. */
    public static final String ATTRIBUTE = RefusedInBatch.class.getName();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    /** The batch's, on one of its parts; null on a request sent alone (so the auth filter also knows a part by it). */
    static RefusedInBatch of(ContainerRequestContext request) {
        return request.getProperty(ATTRIBUTE) instanceof RefusedInBatch batch ? batch : null;
    }

    boolean refused(String token) {
        return tokens.contains(token);
    }

    void add(String token) {
        tokens.add(token);
    }
}
