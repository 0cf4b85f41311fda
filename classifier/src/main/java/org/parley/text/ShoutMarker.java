package org.parley.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * SHOUTING is a toxicity cue that lower-casing would erase, so one {@code <allcaps>} token is
 * added after each run of upper-case words holding at least {@value #MIN_LETTERS} capitals
 * ("YOU ARE AN IDIOT", "STUPID"). Acronyms alone ("FBI", "NASA", "the USA") fall short, and a
 * run marks once, so a shouted comment is not doubled in length. Single capitals ("I", "A")
 * and punctuation neither count nor end a run; any lower-case letter ends it. The marker spans
 * the run's raw text (it overlaps the words it describes), so a highlighter can show the shouting.
 */
final class ShoutMarker implements Stage {
    static final int MIN_LETTERS = 5;

    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.TOKENS, Layer.UNGLUED, Layer.HASHTAGS, Layer.JOINED); // reads final token spans
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.SHAPE);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        String clean = text.text();
        List<int[]> runs = null; // {first, last} draft index of each shouted run
        int first = -1;
        int letters = 0;
        int n = drafts.size();
        for (int i = 0, last = -1; i <= n; i++) {
            int shape = i < n ? capitals(drafts.get(i), clean) : -1;
            if (shape >= 2) {
                first = first < 0 ? i : first;
                last = i;
                letters += shape;
            } else if (shape < 0) {
                if (letters >= MIN_LETTERS) {
                    runs = runs == null ? new ArrayList<>() : runs;
                    runs.add(new int[] {first, last});
                }
                first = -1;
                letters = 0;
            } // else neutral: punctuation, numbers, "I"
        }
        if (runs == null) {
            return drafts;
        }
        List<Draft> out = new ArrayList<>(n + runs.size());
        int r = 0;
        for (int i = 0; i < n; i++) {
            out.add(drafts.get(i));
            if (r < runs.size() && runs.get(r)[1] == i) {
                int begin = drafts.get(runs.get(r)[0]).begin;
                out.add(new Draft(begin, drafts.get(i).end, TextPipeline.ALL_CAPS, Draft.Kind.MARKER));
                r++;
            }
        }
        return out;
    }

    /** Capitals in an all-caps word, 0 or 1 for a neutral token, -1 for a word with lower case. */
    private static int capitals(Draft d, String clean) {
        if (d.kind != Draft.Kind.WORD && d.kind != Draft.Kind.RESOLVED) {
            return 0;
        }
        int shape = d.shape(clean);
        return Shape.has(shape, Shape.LOWER) ? -1 : Shape.capitals(shape);
    }
}
