package org.parley.service.moderation;

/**
 * A further comment that a stored comment quotes besides its parent: the thread format's {@code alsoQuotes} entry
 * (docs/thread-format.md), kept in its own table ({@code comment_quotes}, changeset 21). Checked before it comes here
 * (the thread format, RequestChecks); the id is the site's as stored, a thread's comments' prefixed THREAD/COMMENT as
 * a parent id is, and so may be longer than the format's 200 characters.
 *
 * @param id      the quoted comment's id as stored, or null where only its number is known
 * @param number  its number on the article, or null
 * @param author  its author as the quoting comment names it, or null (and null once that comment or author is erased)
 * @param passage the passage quoted, or null (and null once that comment or author is erased)
 */
public record AlsoQuoted(String id, Integer number, String author, String passage) {}
