package org.parley.service.api.moderation;

/** Body of POST /v1/session. */
public record LoginRequest(String username, String password) {}
