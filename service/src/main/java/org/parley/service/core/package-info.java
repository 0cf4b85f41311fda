/**
 * The service's own logic, free of HTTP: {@link org.parley.service.core.ModelHolder} (the served
 * model, swapped atomically on reload), {@link org.parley.service.core.CommentScorer} (scores →
 * severity → policy → spans, batched), {@link org.parley.service.core.RequestChecks} (limits, each
 * failure naming its field) and {@link org.parley.service.core.FeedbackStore} (suggested scores
 * as labelled JSON Lines).
 */
package org.parley.service.core;
