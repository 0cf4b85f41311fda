package org.parley.corpus;

import org.parley.label.Labels;

/**
 * One labelled text from a corpus.
 *
 * @param source the corpus folder name under training-data/ (e.g. "jigsaw_toxic_partial")
 * @param id     an id unique within the source (the corpus's own id where it has one)
 * @param text   the raw text, escapes decoded but otherwise as the corpus gives it
 * @param labels what the corpus says about the six attributes; unlabelled ones are masked
 */
public record Example(String source, String id, String text, Labels labels) {}
