/**
 * The JAX-RS resources: scoring (/v1/score, its batch and /v1/score/thread), the Perspective-compatible /v1alpha1
 * endpoints and their discovery document, the moderation store's (/v1/comments, /v1/threads, the queue, sessions),
 * /v1/admin, and the OpenAPI document. They check input, call {@link org.parley.service.core.CommentScorer} or
 * {@link org.parley.service.intake.Ingestion} and the store, and shape the answer; no scoring or storing of their own.
 */
package org.parley.service.resources;
