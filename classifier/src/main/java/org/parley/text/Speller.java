package org.parley.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Repairs plain words that nobody writes (not in the {@link Vocabulary}'s dictionary, and seen fewer than 3 times in
 * training), the misspellings and glued words that carry an insult past a word filter:
 * <ol>
 *   <li>glued words that split into common ones, one of them a word of the {@link Lexicon}, the likeliest split by
 *       the words' shares (Norvig's segmentation): "youareanidiot", "aloser", "ofshit" → you are an idiot, a loser,
 *       of shit. A piece is a dictionary word seen {@link #MIN_PIECE_COUNT} times or more, of 3 letters or more, or
 *       one of {@link #SHORT_WORDS}; 3 letters a piece on average. Each piece keeps its own offsets, so a span can
 *       mark the insult inside the glued word. Glued words without an insult stay whole, as the models were
 *       trained on them;</li>
 *   <li>else a word one evasive edit away from a lexicon word ({@link Lexicon#misspelt}: a letter dropped, one
 *       doubled, two swapped, the first letter kept): "idot", "iddiot", "sutpid", "btich", "fucikng" → idiot,
 *       idiot, stupid, bitch, fucking. Words of 4 letters or more only: "sht" is too near too much.</li>
 * </ol>
 * Known words are left as written, however near an insult or glued they look: "looser", "disk", "carp", "Sussex",
 * "cockpit", "assignation". Elongated words are the squeezer's ("sooo"), words with digits or masks the
 * {@link Deobfuscator}'s.
 */
final class Speller implements Stage {
    static final int MIN_LENGTH = 4;
    static final int MIN_PIECE_COUNT = 20;
    /** Longer tokens are left alone: the split costs length × {@link #MAX_PIECE} lookups. */
    static final int MAX_LENGTH = 60;
    private static final int MAX_PIECE = 20;
    /** Splits into shorter pieces on average are chance: "scunthorpe" is no "sc un thor pe". */
    private static final int MIN_MEAN_PIECE = 3;
    /**
     * The pieces of one or two letters a split may have: pronouns, articles, prepositions and the like. The dictionary's
     * others are abbreviations and letters ("sc", "em", "ne", "st"), which made "assignation" ass ig nation.
     */
    private static final Set<String> SHORT_WORDS = Set.of("a", "i", "u", "am", "an", "as", "at", "be", "by", "do", "go",
            "he", "if", "in", "is", "it", "me", "my", "no", "of", "oh", "on", "or", "so", "to", "up", "ur", "us", "we");
    private final Lexicon lexicon;
    private final Vocabulary vocabulary;

    Speller(Lexicon lexicon, Vocabulary vocabulary) {
        this.lexicon = lexicon;
        this.vocabulary = vocabulary;
    }

    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.LOWERCASE, Layer.DEOBFUSCATED);
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.SPELLED);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        String clean = text.text();
        return Stage.replacing(drafts, d -> candidate(d, clean) ? repair(d) : null);
    }

    /** A plain lower-case word as long as its surface (so pieces map onto the text letter for letter), not elongated. */
    private static boolean candidate(Draft d, String clean) {
        String s = d.text;
        int length = s.length();
        if (!d.isWord() || length < MIN_LENGTH || length > MAX_LENGTH || d.end - d.begin != length) return false;
        for (int i = 0; i < length; i++) if (s.charAt(i) < 'a' || s.charAt(i) > 'z') return false;
        return !d.has(Shape.RUN3, clean);
    }

    /**
     * The draft's pieces, or the draft corrected in place (as its one piece), or null when nothing fits. The lexicon is
     * asked first, as most words are rejected by their first three letters: the vocabulary, a lookup among 75,000 words
     * that misses the cache, cost a fifth of the pipeline's time when asked of every word.
     */
    private List<Draft> repair(Draft d) {
        String s = d.text;
        boolean inside = lexicon.inside(s);
        String near = lexicon.misspelt(s);
        if (!inside && near == null || vocabulary.known(s)) return null;
        List<String> words = inside ? split(s) : null;
        if (words != null && words.stream().anyMatch(w -> lexicon.exact(w) != null)) {
            List<Draft> pieces = new ArrayList<>(words.size());
            int at = d.begin;
            for (String w : words) {
                Draft piece = Draft.word(at, at + w.length(), w);
                String form = lexicon.exact(w);
                if (form != null) piece.resolve(form);
                pieces.add(piece);
                at += w.length();
            }
            return pieces;
        }
        if (near == null) return null;
        d.resolve(near);
        return List.of(d);
    }

    /** The likeliest split into two or more common words, or null. */
    List<String> split(String s) {
        int n = s.length();
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Double.NEGATIVE_INFINITY);
        best[0] = 0;
        for (int end = 1; end <= n; end++) {
            for (int start = Math.max(0, end - MAX_PIECE); start < end; start++) {
                if (best[start] == Double.NEGATIVE_INFINITY) continue;
                String piece = s.substring(start, end);
                if (!common(piece)) continue;
                double score = best[start] + vocabulary.logShare(piece);
                if (score > best[end]) {
                    best[end] = score;
                    from[end] = start;
                }
            }
        }
        if (best[n] == Double.NEGATIVE_INFINITY) return null;
        List<String> words = new ArrayList<>();
        for (int end = n; end > 0; end = from[end]) words.add(0, s.substring(from[end], end));
        return words.size() >= 2 && n >= MIN_MEAN_PIECE * words.size() ? words : null;
    }

    /** A dictionary word the comments use often, of 3 letters or more, or one of the short words people glue. */
    private boolean common(String piece) {
        if (piece.length() < 3) return SHORT_WORDS.contains(piece);
        return vocabulary.count(piece) >= MIN_PIECE_COUNT && vocabulary.inDictionary(piece);
    }
}
