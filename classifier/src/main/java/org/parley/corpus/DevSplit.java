package org.parley.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed development split: an example is in dev when SHA-256 of a fixed salt and its
 * normalised text ({@link TextKey}) falls in the lowest {@value #DEV_FRACTION} of the hash range.
 * It depends on nothing but the text, so it is the same in every run and JVM, and identical
 * texts from different corpora always land on the same side. Changing the salt or the
 * normalisation changes the split: don't, without re-running every evaluation.
 *
 * <p>The hash range holds ten such tenths, the <em>parts</em>. Part {@value #SHIPPED_PART} is the
 * dev split everything is measured on; another part is a second dev split of the same size and
 * recipe (scripts/train --dev-part), for measuring how much a figure moves with the split.
 */
public final class DevSplit {
    static final String SALT = "parley/dev-split/v1\n";
    static final double DEV_FRACTION = 0.10;
    /** The dev split of the shipped models and of every figure in README.md and docs/. */
    public static final int SHIPPED_PART = 0;
    /** Parts 0 to PARTS − 1, each a tenth of the hash range. */
    public static final int PARTS = 10;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(DevSplit::newSha256);

    /** Train and dev parts, each in input order. */
    public record Split(List<Example> train, List<Example> dev) {
        public Split {
            train = List.copyOf(train);
            dev = List.copyOf(dev);
        }
    }

    private DevSplit() {}

    public static boolean isDev(Example e) {
        return isDevText(e.text());
    }

    /** In dev of the given part: its hash falls in the part's tenth of the range. */
    public static boolean isDev(Example e, int part) {
        return isDevText(e.text(), part);
    }

    static boolean isDevText(String text) {
        return isDevText(text, SHIPPED_PART);
    }

    private static boolean isDevText(String text, int part) {
        double at = position(text) - checked(part) * DEV_FRACTION;
        return at >= 0 && at < DEV_FRACTION;
    }

    /** The part, or an error naming the range. */
    public static int checked(int part) {
        if (part < 0 || part >= PARTS)
            throw new IllegalArgumentException("--dev-part must be 0 to " + (PARTS - 1) + ", was " + part);
        return part;
    }

    /** Where the text's hash falls in [0,1). */
    static double position(String text) {
        byte[] hash = SHA256.get().digest((SALT + TextKey.of(text)).getBytes(StandardCharsets.UTF_8));
        long bits = ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
        return (bits >>> 11) * 0x1.0p-53;
    }

    /**
     * Dev as the hash says; train without the texts that a dev text repeats in another spelling
     * ({@link #withoutDevTexts}), which the hash of the whitespace-normalised text puts apart.
     */
    public static Split split(List<Example> examples) {
        return split(examples, SHIPPED_PART);
    }

    /** As {@link #split(List)}, with the given part as dev. */
    public static Split split(List<Example> examples, int part) {
        checked(part);
        List<Example> train = new ArrayList<>();
        List<Example> dev = new ArrayList<>();
        for (Example e : examples) (isDev(e, part) ? dev : train).add(e);
        return new Split(withoutDevTexts(train, dev), dev);
    }

    /** The dev part alone, for callers that need no training part. */
    public static List<Example> dev(List<Example> examples) {
        return dev(examples, SHIPPED_PART);
    }

    public static List<Example> dev(List<Example> examples, int part) {
        checked(part);
        return examples.stream().filter(e -> isDev(e, part)).toList();
    }

    /**
     * The examples whose text is not also in {@code dev}, compared as {@link TextKey#copy} does
     * (letters and digits as the model's pipeline folds them, so "&amp;", quote marks, punctuation,
     * look-alike Cyrillic letters and fullwidth forms do not tell two copies apart): training data that
     * repeats a dev text would teach the model the dev answer.
     */
    public static List<Example> withoutDevTexts(List<Example> examples, List<Example> dev) {
        return withoutDevTexts(examples, Example::text, dev);
    }

    /** As {@link #withoutDevTexts(List, List)}, for items of another kind whose text is {@code text}'s (gold-span posts). */
    public static <T> List<T> withoutDevTexts(List<T> items, java.util.function.Function<T, String> text, List<Example> dev) {
        java.util.Set<String> devTexts = new java.util.HashSet<>();
        for (Example e : dev) devTexts.add(TextKey.copy(e.text()));
        List<T> out = new ArrayList<>();
        for (T item : items) if (!devTexts.contains(TextKey.copy(text.apply(item)))) out.add(item);
        return out;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK must provide SHA-256", e);
        }
    }
}
