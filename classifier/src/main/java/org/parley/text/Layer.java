package org.parley.text;

/**
 * What a {@link Stage} can rely on. Each stage names the layers it needs and the ones it adds, so
 * that a pipeline wired in the wrong order fails when it is built, not on some later comment.
 */
enum Layer {
    /** Characters cleaned by {@link TextCleaner}: entities decoded, NFKC, invisibles dropped, folded. */
    CHARS,
    /** Token boundaries from CoreNLP's PTB lexer. */
    TOKENS,
    /** URLs and e-mail addresses are placeholders; markup tags are gone. */
    WEB,
    /** Words glued by a missing space after sentence punctuation are split. */
    UNGLUED,
    /** Hashtags are split into their words. */
    HASHTAGS,
    /** Word forms are lower-case (the surface keeps the case for shape cues). */
    LOWERCASE,
    /** Masked words split by the lexer ("a$$", "fu*k") and spaced-out words are joined. */
    JOINED,
    /** Masked, leet and elongated words are resolved. */
    DEOBFUSCATED,
    /** Misspelt insults are corrected and glued words split ({@link Speller}). */
    SPELLED,
    /** Mentions and numbers are placeholders. */
    PLACEHOLDERS,
    /** Runs of a repeated char are capped. */
    SQUEEZED,
    /** Shape markers ({@code <allcaps>}) are in the stream. */
    SHAPE
}
