package org.parley.cli;

import org.parley.corpus.DevSplit;
import org.parley.corpus.Example;
import org.parley.corpus.GoldSpans;
import org.parley.train.IdentityAugmenter;
import org.parley.train.IdentitySwapper;
import org.parley.train.IncludedFiles;
import org.parley.train.ShortTexts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows a toxicity run trains on, made in one place for scripts/train and for the baselines of scripts/evaluate,
 * which remakes them from a bundle's provenance: the corpora's training rows, the included decisions, the identity
 * copies and the short texts, each kept clear of {@code dev}. The baselines learned from the corpora's rows alone, and
 * were set against a network that had learned the rest too.
 *
 * @param loaded      the corpus rows read (their sample)
 * @param split       the sample's dev split (what the run measures and calibrates on) and training split
 * @param dev         the dev texts no training row may repeat: the whole dev split for a --sample or --corpus run
 * @param corpusTrain the corpora's training rows
 * @param augmented   identity-augmented copies ({@code requested} of them asked for)
 * @param swapped     identity-swapped copies
 * @param shortTexts  texts of one to three words
 */
record TrainingRows(int loaded, DevSplit.Split split, List<Example> dev, List<Example> corpusTrain, IncludedFiles included,
                    int augmentRequested, List<Example> augmented, int swapRequested, List<Example> swapped,
                    List<Example> shortTexts, int shortTextDevPosts) {

    /**
     * What a run was asked for: the options of scripts/train, or what a bundle's provenance records of them.
     *
     * @param identityAugment rows asked for, null for the default (capped at a tenth of the corpora's training rows)
     */
    record Recipe(List<String> corpora, Integer sample, long seed, int devPart, boolean partial,
                  List<IncludedFiles.Read> included, Integer identityAugment, Integer identitySwap, int shortTexts) {}

    static TrainingRows make(Path root, Recipe r) throws IOException {
        List<Example> examples = TrainCommand.load(root, r.corpora(), r.sample(), r.seed());
        DevSplit.Split split = DevSplit.split(examples, r.devPart());
        // Training data never repeats a text of the whole dev split, which scripts/evaluate scores: a
        // --sample or --corpus run holds out only part of it, and its training rows, included files and
        // identity copies are kept clear of the rest too, as a full run's are.
        List<Example> dev = r.partial() ? TrainCommand.wholeDev(root, r.devPart()) : split.dev();
        List<Example> corpusTrain = TrainCommand.corpusTrain(root, split, r.partial(), r.devPart());
        IncludedFiles included = IncludedFiles.of(r.included(), dev);
        int augmentRows = TrainCommand.orDefault(r.identityAugment(), TrainCommand.DEFAULT_IDENTITY_AUGMENT, corpusTrain.size());
        int swapRows = TrainCommand.orDefault(r.identitySwap(), TrainCommand.DEFAULT_IDENTITY_SWAP, corpusTrain.size());
        // A made text equal to a dev text would teach the model a dev answer.
        List<Example> augmented = DevSplit.withoutDevTexts(new IdentityAugmenter(r.seed()).augment(corpusTrain, augmentRows), dev);
        List<Example> swapped = DevSplit.withoutDevTexts(new IdentitySwapper(r.seed()).swap(corpusTrain, swapRows), dev);
        // The phrases and the rates that keep them come from gold-span posts that are not dev texts: every tsd_train post
        // is a toxic_spans row, and a tenth of them dev rows, whose raters' phrases ("clown freak") were taught (a data
        // scientist's fifth audit; a phrase equal to a whole dev text alone was left out).
        List<GoldSpans.Post> posts = r.shortTexts() <= 0 ? List.of() : GoldSpans.trainingPosts(root);
        List<GoldSpans.Post> trainPosts = DevSplit.withoutDevTexts(posts, GoldSpans.Post::text, dev);
        List<Example> shortRows = r.shortTexts() <= 0 ? List.of()
                : DevSplit.withoutDevTexts(new ShortTexts(r.seed()).make(corpusTrain, trainPosts, r.shortTexts()), dev);
        return new TrainingRows(examples.size(), split, dev, corpusTrain, included, augmentRows, augmented, swapRows, swapped, shortRows,
                posts.size() - trainPosts.size());
    }

    /** Every training row, in the order the run trains on them, each source of {@code repeat} taken N times. */
    List<Example> all(Map<String, Integer> repeat) {
        List<Example> train = new ArrayList<>(corpusTrain);
        train.addAll(included.examples());
        train.addAll(augmented);
        train.addAll(swapped);
        train.addAll(shortTexts);
        List<Example> out = new ArrayList<>(train);
        for (Example e : train) for (int k = 1; k < repeat.getOrDefault(e.source(), 1); k++) out.add(e);
        return out;
    }
}
