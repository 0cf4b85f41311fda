package org.parley.policy;

/**
 * Probability → severity in the style of content-safety ratings: eight severities 0–7, shown as
 * four levels 0, 2, 4, 6 named SAFE, LOW, MEDIUM, HIGH.
 *
 * <p>The mapping is linear in the calibrated probability: severity = ⌊8p⌋ capped at 7, level =
 * the even severity at or below it. So SAFE is p &lt; 0.25, LOW 0.25–0.5, MEDIUM 0.5–0.75 and HIGH
 * p ≥ 0.75. Linear is enough because the model is calibrated: a level means the same share of
 * comments with the attribute after every retrain.
 */
public record Severity(int severity) {
    public static final int MAX = 7;

    public Severity {
        if (severity < 0 || severity > MAX) throw new IllegalArgumentException("severity must be 0.." + MAX + ", was " + severity);
    }

    /** @throws IllegalArgumentException for a probability outside [0, 1] or NaN */
    public static Severity of(double probability) {
        if (!(probability >= 0 && probability <= 1)) throw new IllegalArgumentException("probability must be in [0, 1], was " + probability);
        return new Severity(Math.min(MAX, (int) Math.floor(probability * 8)));
    }

    /** The four-level value: 0, 2, 4 or 6. */
    public int level() {
        return severity & ~1;
    }

    public Level levelName() {
        return Level.values()[severity / 2];
    }

    /** The names of the four levels, in order 0, 2, 4, 6. */
    public enum Level {
        SAFE,
        LOW,
        MEDIUM,
        HIGH;

        public int value() {
            return ordinal() * 2;
        }
    }
}
