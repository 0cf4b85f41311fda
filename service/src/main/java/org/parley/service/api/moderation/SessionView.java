package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who is logged in and until when; whether they decide escalated comments (the page greys out what the
 * service would refuse); {@code token} only in the login answer (also set as a cookie).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String username, String role, boolean decidesEscalated, String expiresAt, String token) {}
