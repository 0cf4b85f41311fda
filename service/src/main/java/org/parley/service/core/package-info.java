/**
 * The service's scoring logic behind the resources: {@link org.parley.service.core.ModelHolder} (the served
 * model, swapped atomically on reload), {@link org.parley.service.core.CommentScorer} (scores → policy → spans,
 * batched; severities and ratings are added as answers are written, {@link org.parley.service.core.ScoreParts}),
 * {@link org.parley.service.core.RequestChecks} (limits, each failure naming its field) and
 * {@link org.parley.service.core.ScoringGate} (the lanes that keep scoring to the cores), with
 * {@link org.parley.service.core.Refusal}, the one servlet filter here, which refuses a request early when its lane is full.
 */
package org.parley.service.core;
