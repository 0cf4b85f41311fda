/**
 * Stance targets proposed from an article: named people, organisations and places (CoreNLP NER,
 * 3-class model) and recurring issue phrases. {@link org.parley.targets.TargetFinder} is the entry
 * point; it needs CoreNLP's models jar ({@link org.parley.text.NlpModels}).
 */
package org.parley.targets;
