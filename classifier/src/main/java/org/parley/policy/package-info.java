/**
 * What a site does with scores: the content-safety-style {@link org.parley.policy.Severity} of a
 * probability, and the moderation {@link org.parley.policy.Policy} of per-attribute score bands
 * that recommends an {@link org.parley.policy.Action}. Pure functions of the scores; no model here.
 */
package org.parley.policy;
