package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Who is logged in and until when; the one site they moderate (absent: every site); whether they decide
 * escalated comments (the page greys out what the service would refuse); {@code token} only in the login
 * answer (also set as a cookie).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String username, String role, String site, boolean decidesEscalated, String expiresAt,
                          String token) {}
