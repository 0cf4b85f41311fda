package org.parley.service.api.moderation;

/** 409: someone decided first. {@code current} is the comment as it is now, to decide again on. */
public record ConflictBody(int code, String message, String field, CommentView current) {}
