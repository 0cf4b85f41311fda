package org.parley.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** One normalisation step over the token drafts of a text. Implementations are stateless. */
interface Stage {
    Set<Layer> needs();

    Set<Layer> adds();

    /** Changes drafts in place or returns a new list; never returns null. */
    List<Draft> apply(List<Draft> drafts, CleanText text);

    /**
     * Each draft, or the pieces {@code pieces} gives in its place (null: kept as it is); the same list when no draft
     * is replaced, as most texts have none, and a copy is made only from the first one that is.
     */
    static List<Draft> replacing(List<Draft> drafts, Function<Draft, List<Draft>> pieces) {
        List<Draft> out = null;
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            List<Draft> replaced = pieces.apply(d);
            if (replaced != null && out == null) out = new ArrayList<>(drafts.subList(0, i));
            if (out != null) {
                if (replaced != null) out.addAll(replaced);
                else out.add(d);
            }
        }
        return out == null ? drafts : out;
    }

    default String name() {
        return getClass().getSimpleName();
    }
}
