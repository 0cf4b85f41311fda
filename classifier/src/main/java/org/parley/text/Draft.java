package org.parley.text;

import edu.stanford.nlp.ling.HasWord;

/**
 * A token while the stages work on it. Offsets are into the cleaned text; {@link TextPipeline}
 * maps them back to the raw text at the end. It doubles as CoreNLP's token type so the lexer
 * builds drafts directly, without a CoreLabel per token.
 */
final class Draft implements HasWord {
    enum Kind {
        /** An ordinary token: later stages may still change its form. */
        WORD,
        /** A word resolved against the lexicon ("f*ck" → "fuck"): its form is final. */
        RESOLVED,
        /** {@code <url>}, {@code <email>}, {@code <user>}, {@code <num>}: final, and not a word. */
        PLACEHOLDER,
        /** A shape marker such as {@code <allcaps>}, spanning the words it describes. */
        MARKER
    }

    final int begin;
    final int end;
    String text;
    Kind kind;
    /** {@link Shape} bits of the surface, 0 until first asked for. */
    private int shape;

    Draft(int begin, int end, String text, Kind kind) {
        this.begin = begin;
        this.end = end;
        this.text = text;
        this.kind = kind;
    }

    static Draft word(int begin, int end, String text) {
        return new Draft(begin, end, text, Kind.WORD);
    }

    boolean isWord() {
        return kind == Kind.WORD;
    }

    /** The {@link Shape} of this draft's surface in {@code clean}. */
    int shape(String clean) {
        if (shape == 0) {
            shape = Shape.of(clean, begin, end);
        }
        return shape;
    }

    /** Whether the surface has the {@link Shape} bit. */
    boolean has(int bit, String clean) {
        return (shape(clean) & bit) != 0;
    }

    void resolve(String form) {
        text = form;
        kind = Kind.RESOLVED;
    }

    void replace(String placeholder) {
        text = placeholder;
        kind = Kind.PLACEHOLDER;
    }

    @Override
    public String word() {
        return text;
    }

    @Override
    public void setWord(String word) {
        text = word;
    }

    @Override
    public String toString() {
        return text + "[" + begin + "," + end + ")" + (kind == Kind.WORD ? "" : kind);
    }
}
