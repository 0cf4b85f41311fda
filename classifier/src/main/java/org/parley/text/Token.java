package org.parley.text;

/**
 * One normalised token.
 *
 * @param text     the normalised form the model sees ("fuck", "{@code <url>}", "{@code <allcaps>}")
 * @param original the raw surface form, always {@code raw.substring(begin, end)}
 * @param begin    offset of the first char in the raw text
 * @param end      offset after the last char in the raw text (exclusive)
 */
public record Token(String text, String original, int begin, int end) {}
