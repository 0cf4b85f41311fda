package org.parley.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns raw, untrusted comment text into the normalised tokens the toxicity model reads.
 *
 * <p>Steps: {@link TextCleaner} (entities, NFKC, invisibles, folding, homoglyphs, on a copy with
 * an offset map) → {@link CoreNlpLexer} (CoreNLP's PTB lexer) → the {@link Stage}s in order:
 * {@link WebLinks}, {@link MissingSpaceSplitter}, {@link HashtagSplitter}, {@link Lowercaser},
 * {@link MaskJoiner}, {@link Deobfuscator}, {@link Speller}, {@link Placeholders}, {@link RepeatSqueezer},
 * {@link ShoutMarker}.
 * Each token's offsets point into the raw text whatever the cleaning changed, so
 * {@code raw.substring(t.begin(), t.end())} is always {@code t.original()}.
 *
 * <p>Instances are immutable and thread-safe; share {@link #standard()}.
 */
public final class TextPipeline {
    public static final String URL = "<url>";
    public static final String EMAIL = "<email>";
    public static final String USER = "<user>";
    public static final String NUMBER = "<num>";
    /** Follows a run of upper-case words; its offsets span the run. */
    public static final String ALL_CAPS = "<allcaps>";

    private static final TextPipeline STANDARD = new TextPipeline(stages(true));
    private static final TextPipeline UNSPELLED = new TextPipeline(stages(false));

    private final List<Stage> stages;

    /** @throws IllegalStateException if a stage comes before a stage it needs */
    TextPipeline(List<Stage> stages) {
        Set<Layer> provided = EnumSet.of(Layer.CHARS, Layer.TOKENS);
        for (Stage stage : stages) {
            Set<Layer> missing = EnumSet.noneOf(Layer.class);
            missing.addAll(stage.needs());
            missing.removeAll(provided);
            if (!missing.isEmpty()) {
                throw new IllegalStateException("text stage " + stage.name() + " needs " + missing
                        + " but the stages before it provide only " + provided);
            }
            provided.addAll(stage.adds());
        }
        this.stages = List.copyOf(stages);
    }

    public static TextPipeline standard() {
        return STANDARD;
    }

    /**
     * The standard pipeline without {@link Speller}: words as readers write them, which is what its
     * {@link Vocabulary} counts ({@code scripts/word-counts}).
     */
    public static TextPipeline unspelled() {
        return UNSPELLED;
    }

    /** The standard stages in order, each made anew; without {@link Speller} when not {@code spelled}. */
    static List<Stage> stages(boolean spelled) {
        List<Stage> stages = new ArrayList<>(List.of(new WebLinks(), new MissingSpaceSplitter(Lexicon.STANDARD),
                new HashtagSplitter(), new Lowercaser(), new MaskJoiner(Lexicon.STANDARD), new Deobfuscator(Lexicon.STANDARD)));
        if (spelled) stages.add(new Speller(Lexicon.STANDARD, Vocabulary.STANDARD));
        stages.addAll(List.of(new Placeholders(), new RepeatSqueezer(), new ShoutMarker()));
        return stages;
    }

    /**
     * Whether a normalised form is one of the profanities and insults (with their suffixes and
     * spelling variants) that obfuscated spellings are resolved against: "fucking", "idiot".
     */
    public static boolean lexiconWord(String form) {
        return Lexicon.STANDARD.exact(form) != null;
    }

    /**
     * The text as the lexer reads it, before any token stage: HTML entities decoded, every code point folded
     * (fullwidth and mathematical letters, accents, invisible characters: {@link CharFolding}) and look-alike
     * Cyrillic and Greek letters read as Latin where the text is Latin in disguise ({@link Homoglyphs}). Two texts
     * equal here are one text to the model, whatever their code points: the dev split's copy check compares them so
     * (corpus.TextKey).
     */
    public static String folded(String raw) {
        return TextCleaner.clean(Objects.requireNonNull(raw, "raw text")).text();
    }

    /** Normalised tokens with offsets into {@code raw}. */
    public List<Token> tokenize(String raw) {
        CleanText clean = TextCleaner.clean(Objects.requireNonNull(raw, "raw text"));
        List<Draft> drafts = run(clean);
        List<Token> tokens = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            int begin = clean.rawBegin(d.begin);
            int end = clean.rawEnd(d.end);
            tokens.add(new Token(d.text, raw.substring(begin, end), begin, end));
        }
        return tokens;
    }

    /** Just the normalised forms: what {@link #tokenize} gives, without offsets. */
    public List<String> tokens(String raw) {
        List<Draft> drafts = run(TextCleaner.clean(Objects.requireNonNull(raw, "raw text")));
        List<String> forms = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            forms.add(d.text);
        }
        return forms;
    }

    private List<Draft> run(CleanText clean) {
        List<Draft> drafts = CoreNlpLexer.tokenize(clean);
        for (Stage stage : stages) {
            drafts = stage.apply(drafts, clean);
        }
        return drafts;
    }
}
