package org.parley.service.auth;

import jakarta.servlet.http.HttpServletRequest;

/** The client's address, for the limits kept per address: the log-in throttle, failed credentials. */
public final class ClientAddress {
    private ClientAddress() {}

    /** One shared value where no servlet request exists (the resource tests' in-memory container). */
    public static String of(HttpServletRequest request) {
        try {
            return request == null ? "unknown" : request.getRemoteAddr();
        } catch (IllegalStateException e) {  // a proxy outside a request
            return "unknown";
        }
    }
}
