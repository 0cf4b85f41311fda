package org.parley.text;

import java.util.List;
import java.util.Set;

/** One normalisation step over the token drafts of a text. Implementations are stateless. */
interface Stage {
    Set<Layer> needs();

    Set<Layer> adds();

    /** Changes drafts in place or returns a new list; never returns null. */
    List<Draft> apply(List<Draft> drafts, CleanText text);

    default String name() {
        return getClass().getSimpleName();
    }
}
