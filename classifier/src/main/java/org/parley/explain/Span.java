package org.parley.explain;

/**
 * A word that drove a score.
 *
 * @param begin  offset of its first char in the raw comment text
 * @param end    offset after its last char (exclusive)
 * @param weight how far the attribute's log-odds fall when the word (every occurrence of it) is
 *               taken out of the comment; larger means the word mattered more
 */
public record Span(int begin, int end, float weight) {}
