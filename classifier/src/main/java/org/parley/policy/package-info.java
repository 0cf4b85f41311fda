/**
 * What a site does with scores: the content-safety-style {@link org.parley.policy.Severity} of a
 * probability, and the moderation {@link org.parley.policy.Policy} of per-attribute score bands
 * that recommends an {@link org.parley.policy.Action}, with a site's word lists ({@link org.parley.policy.PhraseRule},
 * which read the text) and a second look at a comment's worst sentence ({@link org.parley.policy.SentenceRule}, its
 * scores given). Pure functions of the scores and the text; no model here.
 */
package org.parley.policy;
