/**
 * Why a comment scored high: {@link org.parley.explain.SpanExplainer} finds the words that drove
 * an attribute by occlusion (the drop in the attribute's log-odds when a word is taken out),
 * with {@link org.parley.explain.SpanLexicon} (how often annotators marked each word);
 * {@link org.parley.explain.SpanTagger} tags each token as annotators would ({@code scripts/train-spans},
 * {@link org.parley.explain.SpanTaggerTrainer}); {@link org.parley.explain.SpanStacker} combines the three
 * signals, and {@link org.parley.explain.TaggedExplainer} gives the spans the service shows.
 * {@link org.parley.explain.SpanF1} is the SemEval-2021 Task 5 character-offset F1 that the
 * thresholds are tuned and reported on, and {@link org.parley.explain.SpanEvaluation} does both
 * on the toxic_spans corpus ({@code scripts/evaluate-spans}).
 */
package org.parley.explain;
