package org.parley.score;

import org.parley.feature.TokenRemoval;
import org.parley.text.Token;

import java.util.List;

/**
 * A text, its tokens and groups of them: variant i is the text with group i taken out, each token
 * replaced by one space ({@link TokenRemoval}). What occlusion scores; a scorer that knows the text
 * and its tokens already can score its variants faster than their strings.
 *
 * @param tokens  the whole text's tokens, as the scorer's text pipeline gives them (the caller has
 *                them already: it chose the groups from them), so the scorer need not tokenise again
 * @param removed each group's tokens, in text order
 */
public record Variants(String text, List<Token> tokens, List<List<Token>> removed) {
    public Variants {
        tokens = List.copyOf(tokens);
        removed = List.copyOf(removed);
    }

    /** The variants as text. */
    public List<String> texts() {
        return removed.stream().map(group -> TokenRemoval.apply(text, group)).toList();
    }
}
