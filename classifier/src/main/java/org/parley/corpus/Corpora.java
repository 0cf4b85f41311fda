package org.parley.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The toxicity corpora under training-data/, each mapped onto the six attributes. Which column
 * becomes which attribute, and why, is documented on each reader and in training-data/README.md.
 * Attributes a corpus does not annotate stay unlabelled (NaN), never 0.
 */
public final class Corpora {
    private static final Logger LOG = LoggerFactory.getLogger(Corpora.class);

    /** Environment variable that overrides where training-data/ is. */
    public static final String ROOT_ENV = "PARLEY_TRAINING_DATA";

    /**
     * Generated neutral sentences that mention identities, all six attributes 0: hate-speech
     * corpora mention identities mostly in abuse, and the model must not learn the words themselves
     * as toxic (training-data/identity_neutral/generate.py says how they were made).
     */
    public static final String IDENTITY_NEUTRAL = "identity_neutral";

    /** Folder name → reader, in the fixed order of {@link #toxicityNames()}. */
    private static final Map<String, CorpusReader> READERS = new LinkedHashMap<>();

    static {
        READERS.put(JigsawCorpora.PARTIAL, JigsawCorpora::partial);
        READERS.put(JigsawCorpora.EXTRA, JigsawCorpora::extra);
        READERS.put(JigsawCorpora.ANNOTATOR_SAMPLE, JigsawCorpora::annotatorSample);
        READERS.put(ToxicSpansCorpus.NAME, ToxicSpansCorpus::read);
        READERS.put(NewsCommentCorpora.SOCC, NewsCommentCorpora::socc);
        READERS.put(NewsCommentCorpora.UCC, NewsCommentCorpora::ucc);
        READERS.put(NewsCommentCorpora.FOX, NewsCommentCorpora::fox);
        READERS.put(TweetCorpora.DAVIDSON, TweetCorpora::davidson);
        READERS.put(TweetCorpora.HATEXPLAIN, TweetCorpora::hatexplain);
        READERS.put(TweetCorpora.OLID, TweetCorpora::olid);
        READERS.put(NewsCommentCorpora.KAGGLE, NewsCommentCorpora::kaggle);
        READERS.put(NewsCommentCorpora.RUDDIT, NewsCommentCorpora::ruddit);
        READERS.put(TweetCorpora.HATEVAL, TweetCorpora::hateval);
        READERS.put(ForumCorpora.GAB, ForumCorpora::gab);
        READERS.put(TweetCorpora.IMPLICIT_HATE, TweetCorpora::implicitHate);
        READERS.put(ForumCorpora.TRAC, ForumCorpora::trac);
        READERS.put(ForumCorpora.ETHOS, ForumCorpora::ethos);
        READERS.put(ConvAbuseCorpus.NAME, ConvAbuseCorpus::read);
        READERS.put(ForumCorpora.STORMFRONT, ForumCorpora::stormfront);
        READERS.put(TweetCorpora.HASOC, TweetCorpora::hasoc);
        READERS.put(ForumCorpora.CAD, ForumCorpora::cad);
        READERS.put(TweetCorpora.INCIVILITY, TweetCorpora::incivility);
        READERS.put(IDENTITY_NEUTRAL, dir -> LabelledFile.read(dir.resolve(IDENTITY_NEUTRAL + ".jsonl")));
    }

    private Corpora() {}

    /** Names (folder names) of the toxicity corpora the loader knows, in a fixed order. */
    public static List<String> toxicityNames() {
        return List.copyOf(READERS.keySet());
    }

    /**
     * Loads one corpus from {@code trainingData/<name>/} (reads .gz transparently). Rows with a
     * blank text or no labelled attribute are dropped.
     *
     * @throws IllegalArgumentException for a name that is not in {@link #toxicityNames()}, or a row
     *     whose labels cannot be read (the message names the file and record)
     */
    public static List<Example> load(Path trainingData, String name) throws IOException {
        CorpusReader reader = reader(name);
        Path dir = trainingData.resolve(name);
        if (!Files.isDirectory(dir)) throw new NoSuchFileException(dir.toString(), null, "corpus folder missing");
        List<Example> out = new ArrayList<>();
        for (Example e : reader.read(dir)) {
            if (!e.text().isBlank() && !e.labels().isEmpty()) out.add(e);
        }
        return List.copyOf(out);
    }

    /**
     * All toxicity corpora, concatenated in {@link #toxicityNames()} order, with one example per
     * normalised text (lower-cased, whitespace collapsed): the first occurrence is kept, and its
     * labels are merged with the later ones (gaps filled, conflicts averaged).
     */
    public static List<Example> loadToxicity(Path trainingData) throws IOException {
        return loadToxicity(trainingData, toxicityNames());
    }

    /**
     * The named corpora as {@link #loadToxicity(Path)} reads all of them: in {@link #toxicityNames()}
     * order, whatever order they are named in, and de-duplicated. A --corpus run read them merely
     * concatenated, so its training and dev splits held texts twice (990 in ConvAbuse alone) with
     * labels unmerged, and naming every corpus did not give the full run's data.
     */
    public static List<Example> loadToxicity(Path trainingData, java.util.Collection<String> names) throws IOException {
        for (String name : names) reader(name); // an unknown name is refused before any file is read
        List<Example> all = new ArrayList<>();
        for (String name : READERS.keySet()) if (names.contains(name)) all.addAll(load(trainingData, name));
        Deduplicator.Result result = Deduplicator.merge(all);
        LOG.info("{} toxicity examples from {} corpora after merging {} duplicate texts ({} left with no label dropped)",
                result.examples().size(), new LinkedHashSet<>(names).size(), result.merged(), result.unlabelled());
        return List.copyOf(result.examples());
    }

    private static CorpusReader reader(String name) {
        CorpusReader reader = READERS.get(name);
        if (reader == null) throw new IllegalArgumentException("unknown toxicity corpus '" + name + "'; known: " + toxicityNames());
        return reader;
    }

    /**
     * Comment texts that carry no usable toxicity label, for pre-training word vectors:
     * jigsaw_toxic_severity_2022 (unlabelled by design) and the SemEval-2021 toxic-spans files
     * (every post toxic, spans untyped). De-duplicated on normalised text; blank texts dropped.
     * Add the texts of {@link #loadToxicity} for the full pre-training corpus.
     */
    public static List<String> unlabelledTexts(Path trainingData) throws IOException {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        List<String[]> sources = List.of(
                new String[] {"jigsaw_toxic_severity_2022", "comments_to_score.csv"},
                new String[] {ToxicSpansCorpus.NAME, "tsd_train.csv"},
                new String[] {ToxicSpansCorpus.NAME, "tsd_trial.csv"});
        for (String[] source : sources) {
            for (Row r : Table.read(trainingData.resolve(source[0]), source[1], Table.CSV)) {
                String text = r.get("text");
                if (!text.isBlank() && seen.add(TextKey.of(text))) out.add(text);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Locates training-data/: the directory named by {@value #ROOT_ENV} if set, else the checkout's
     * (the {@code parley.home} property the scripts set, so they work from any directory), else the
     * first {@code training-data} directory found walking up from the working directory.
     *
     * @throws IllegalStateException if none exists
     */
    public static Path defaultRoot() {
        String env = System.getenv(ROOT_ENV);
        if (env != null && !env.isBlank()) {
            Path p = Path.of(env).toAbsolutePath();
            if (!Files.isDirectory(p)) throw new IllegalStateException(ROOT_ENV + "=" + env + " is not a directory");
            return p;
        }
        String home = System.getProperty("parley.home");
        if (home != null && Files.isDirectory(Path.of(home, "training-data"))) return Path.of(home, "training-data").toAbsolutePath();
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path candidate = p.resolve("training-data");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("no training-data/ directory in " + cwd + " or above it; set " + ROOT_ENV);
    }
}
