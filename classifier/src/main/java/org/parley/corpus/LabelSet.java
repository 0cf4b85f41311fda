package org.parley.corpus;

import java.util.EnumMap;
import java.util.Map;
import org.parley.label.Attribute;
import org.parley.label.Labels;

/**
 * A small builder for {@link Labels}: attributes never set stay unlabelled (NaN), and so do those
 * set to exactly 0.5, an even split of raters (1 of 2, 2 of 4): no majority either way, yet the
 * binary view ({@link Labels#positive}, at least 0.5) would count it as a positive.
 */
final class LabelSet {
    private final Map<Attribute, Double> values = new EnumMap<>(Attribute.class);

    LabelSet set(Attribute a, double value) {
        if (value == 0.5) values.remove(a);
        else values.put(a, value);
        return this;
    }

    LabelSet set(Attribute a, boolean value) {
        return set(a, value ? 1.0 : 0.0);
    }

    /** Sets the attribute only where the corpus decides it for this row ({@code value} non-null). */
    LabelSet setIfKnown(Attribute a, Boolean value) {
        return value == null ? this : set(a, value.booleanValue());
    }

    Labels build() {
        return Labels.of(values);
    }
}
