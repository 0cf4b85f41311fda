package org.parley.service.api.moderation;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Who is logged in and until when; the sites they moderate (absent: every site), and {@code site} the one when it
 * is one (as it was before a moderator could have several); whether they decide escalated comments (the page greys
 * out what the service would refuse); {@code token} only in the login answer (also set as a cookie). A session (not an
 * API key) ends at {@code expiresAt}, fixed at the log-in, in {@code expiresInSeconds} by the service's clock (rounded
 * up): the page warns before it and shows the log-in form at it, counting on its own clock, which may be off the
 * service's. {@code pollSeconds}: how often the moderator page reads its queue again (moderation.pollSeconds).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(String username, String role, String site, List<String> sites, boolean decidesEscalated,
                          int pollSeconds, String expiresAt, Long expiresInSeconds, String token) {}
