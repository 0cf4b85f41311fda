/**
 * The database behind moderation: comments with their scores and decisions, reader reports,
 * suggested scores, moderator accounts and sessions. JDBI over H2 (the embedded default) or
 * PostgreSQL; the schema is migrated by Liquibase at start-up ({@link org.parley.service.store.Database}).
 * A failure's reason in one line ({@link org.parley.service.store.FailureReason}) is here, below the health checks
 * and the commands that give it too.
 */
package org.parley.service.store;
