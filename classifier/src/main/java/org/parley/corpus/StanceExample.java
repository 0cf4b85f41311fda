package org.parley.corpus;

import org.parley.label.Stance;

/**
 * One (text, target) pair with the stance the corpus gives it.
 *
 * @param source the corpus folder name (e.g. "pstance")
 * @param id     unique within the source
 * @param text   the comment, tweet or claim
 * @param target the phrase the stance is about ("Hillary Clinton", "open primaries", a headline)
 * @param label  the corpus label mapped onto FAVOR / AGAINST / NONE
 */
public record StanceExample(String source, String id, String text, String target, Stance label) {}
