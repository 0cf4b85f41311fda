/**
 * Baselines the DL4J model has to beat, each a {@link org.parley.score.Scorer} trained on the same
 * split: {@link org.parley.baseline.LinearBaseline} (TF-IDF word and character n-grams with one
 * logistic regression per attribute, via liblinear) and {@link org.parley.baseline.FastTextBaseline}
 * (the {@code fasttext} binary, one supervised model per attribute).
 *
 * <p>They tokenise on their own, independent of the CoreNLP pipeline, so that a bug there cannot
 * flatter the model by also handicapping its baselines.
 */
package org.parley.baseline;
