/**
 * Evaluation: how well a {@link org.parley.score.Scorer} ranks a labelled dev split.
 *
 * <p>{@link org.parley.eval.Metrics} holds the rank metrics (exact ROC-AUC, average precision);
 * {@link org.parley.eval.Evaluation} applies them per attribute and per corpus, masking rows a
 * corpus does not label; {@link org.parley.eval.Comparison} lines several evaluations of the same
 * split up side by side; {@link org.parley.eval.ReportWriter} turns that into a report directory
 * (HTML tables, ROC plots, metrics.json), replaced whole ({@link org.parley.eval.ReportFolder}).
 * {@link org.parley.eval.Bootstrap} gives a figure its 95%
 * interval, and {@link org.parley.eval.RocAucBootstrap} a ROC-AUC difference between two models
 * on the same rows (paired), so that a lead can be told from noise.
 *
 * <p>Per-corpus figures matter because the corpora differ in style as much as in toxicity: a model
 * that learned "tweets are toxic, Wikipedia talk is not" scores well on the pooled split and
 * badly within each corpus.
 */
package org.parley.eval;
