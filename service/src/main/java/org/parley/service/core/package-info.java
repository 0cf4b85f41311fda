/**
 * The service's own logic, free of HTTP: {@link org.parley.service.core.ModelHolder} (the served
 * model, swapped atomically on reload), {@link org.parley.service.core.CommentScorer} (scores →
 * severity → policy → spans, batched) and {@link org.parley.service.core.RequestChecks} (limits,
 * each failure naming its field).
 */
package org.parley.service.core;
