package org.parley.score;

import org.parley.feature.TokenRemoval;
import org.parley.text.Token;

import java.util.List;

/**
 * A text and groups of its tokens: variant i is the text with group i taken out, each token replaced
 * by one space ({@link TokenRemoval}). What occlusion scores; a scorer that knows the text already
 * can score its variants faster than their strings.
 *
 * @param removed each group's tokens, in text order
 */
public record Variants(String text, List<List<Token>> removed) {
    public Variants {
        removed = List.copyOf(removed);
    }

    /** The variants as text. */
    public List<String> texts() {
        return removed.stream().map(group -> TokenRemoval.apply(text, group)).toList();
    }
}
