package org.parley.label;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a corpus says about one text, attribute by attribute. An attribute the corpus does not
 * annotate is unlabelled (stored as NaN) and masked out of the loss and the metrics, never read as 0.
 * Values are in [0,1]; graded or averaged labels keep their fraction.
 */
public final class Labels {
    private final float[] values;

    private Labels(float[] values) {
        this.values = values;
    }

    public static Labels none() {
        float[] v = new float[Attribute.COUNT];
        Arrays.fill(v, Float.NaN);
        return new Labels(v);
    }

    public static Labels of(Map<Attribute, ? extends Number> known) {
        Labels l = none();
        known.forEach((a, v) -> l.values[a.ordinal()] = checked(a, v.floatValue()));
        return l;
    }

    /** A copy with one more attribute labelled. */
    public Labels with(Attribute a, double value) {
        float[] v = values.clone();
        v[a.ordinal()] = checked(a, (float) value);
        return new Labels(v);
    }

    public boolean has(Attribute a) {
        return !Float.isNaN(values[a.ordinal()]);
    }

    /** The label value; only meaningful where {@link #has} is true. */
    public float get(Attribute a) {
        return values[a.ordinal()];
    }

    /** True where the label is at least 0.5: the binary view used by ROC-AUC. */
    public boolean positive(Attribute a) {
        return has(a) && values[a.ordinal()] >= 0.5f;
    }

    public boolean isEmpty() {
        for (float v : values) if (!Float.isNaN(v)) return false;
        return true;
    }

    public Map<Attribute, Float> asMap() {
        Map<Attribute, Float> m = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) if (has(a)) m.put(a, get(a));
        return m;
    }

    private static float checked(Attribute a, float v) {
        if (!(v >= 0f && v <= 1f)) throw new IllegalArgumentException(a + " label must be in [0,1], was " + v);
        return v;
    }

    @Override public boolean equals(Object o) {
        return o instanceof Labels l && Arrays.equals(values, l.values);
    }

    @Override public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override public String toString() {
        return asMap().toString();
    }
}
