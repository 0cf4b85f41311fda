package org.parley.text;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lower-cases word forms (in the root locale, so "I" never becomes a dotless ı). The case stays
 * visible in the clean text, where {@link ShoutMarker} reads it.
 */
final class Lowercaser implements Stage {
    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.TOKENS);
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.LOWERCASE);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        String clean = text.text();
        for (Draft d : drafts) {
            if (d.isWord() && d.has(Shape.UPPER, clean)) {
                d.text = d.text.toLowerCase(Locale.ROOT);
            }
        }
        return drafts;
    }
}
