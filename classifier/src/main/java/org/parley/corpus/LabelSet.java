package org.parley.corpus;

import java.util.EnumMap;
import java.util.Map;
import org.parley.label.Attribute;
import org.parley.label.Labels;

/** A small builder for {@link Labels}: attributes never set stay unlabelled (NaN). */
final class LabelSet {
    private final Map<Attribute, Double> values = new EnumMap<>(Attribute.class);

    LabelSet set(Attribute a, double value) {
        values.put(a, value);
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
