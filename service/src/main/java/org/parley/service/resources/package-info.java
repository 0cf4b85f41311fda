/**
 * The JAX-RS resources: /v1/score and /v1/score/batch, the Perspective-compatible /v1alpha1
 * endpoints, /v1/admin, and the OpenAPI document. They check input, call
 * {@link org.parley.service.core.CommentScorer} and shape the answer; no logic of their own.
 */
package org.parley.service.resources;
