/**
 * Stance: where a comment stands on a named target (FAVOR / AGAINST / NONE) and what a reply does
 * to its parent (SUPPORT / DENY / QUERY / COMMENT).
 *
 * <p>Public API: {@link org.parley.stance.StanceModel} (both models, loaded from a
 * {@link org.parley.stance.StanceBundle}), {@link org.parley.stance.StanceLimits} (what a request
 * may hold), {@link org.parley.stance.ReplyContext} (a thread comment's parent text),
 * {@link org.parley.stance.StanceData} (the fixed splits), {@link org.parley.stance.StanceTrainer}
 * and {@link org.parley.stance.StanceEvaluator}, and {@link org.parley.stance.PairBaselines} (what
 * the models are measured against).
 *
 * <p>Inside: one pooled pair network ({@code PairNetwork}) serves both tasks; {@code PairEncoder}
 * maps both texts into one shared embedding table, which is what lets a target never seen in
 * training be read through words learned from comments. The target model's probabilities are
 * averaged with those of {@code WideStance}, a linear model on n-grams with per-target copies.
 */
package org.parley.stance;
