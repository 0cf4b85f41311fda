package org.parley.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.feature.FeatureConfig;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.NgramTfIdf;
import org.parley.feature.Vocabulary;
import org.parley.label.Attribute;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A small untrained bundle for tests: random but fixed weights give deterministic scores in milliseconds. */
public final class TinyBundles {
    private TinyBundles() {}

    public static ModelBundle create() {
        return create(new ObjectMapper().createObjectNode().put("name", "tiny-test").put("version", "0"));
    }

    /** As {@link #create()}, with how {@code read} reads the probe texts recorded, as scripts/train records it. */
    public static ModelBundle create(org.parley.text.TextPipeline read) {
        var provenance = new ObjectMapper().createObjectNode().put("name", "tiny-test").put("version", "0");
        provenance.putObject("code").put("commit", "0000000");
        provenance.set(PipelineFingerprint.KEY, PipelineFingerprint.of(read, true).toJson());
        return create(provenance);
    }

    private static ModelBundle create(com.fasterxml.jackson.databind.node.ObjectNode provenance) {
        FeatureExtractor fx = new FeatureExtractor(new FeatureConfig(32, 64, 64, 3, 4, 128, 1),
                Vocabulary.of(List.of("you", "are", "an", "idiot", "nice", "day")),
                NgramTfIdf.fit(List.of("you are an idiot", "nice day"), 128, () -> {}));
        NetworkConfig net = new NetworkConfig(8, 8, 0.0, 1e-2, 0.1, 0.0, 3);
        Map<Attribute, PlattScaling> cal = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) cal.put(a, new PlattScaling(1 + a.ordinal() * 0.1, -0.2));
        return new ModelBundle(ToxicityNetwork.create(fx.idSpace(), fx.wideSpace(), net), fx, cal, provenance);
    }
}
