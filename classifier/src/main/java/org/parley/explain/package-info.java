/**
 * Why a comment scored high: {@link org.parley.explain.SpanExplainer} finds the words that drove
 * an attribute by occlusion (the drop in the attribute's log-odds when a word is taken out),
 * {@link org.parley.explain.SpanF1} is the SemEval-2021 Task 5 character-offset F1 that the
 * threshold is tuned and reported on, and {@link org.parley.explain.SpanEvaluation} does both
 * on the toxic_spans corpus ({@code scripts/evaluate-spans}).
 */
package org.parley.explain;
