package org.parley.text;

/** What the normaliser tests compare: the standard pipeline's token forms, joined by spaces. */
final class TokenForms {
    private TokenForms() {}

    static String forms(String raw) {
        return String.join(" ", TextPipeline.standard().tokens(raw));
    }
}
