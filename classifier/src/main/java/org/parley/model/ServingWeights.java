package org.parley.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The toxicity network's parameters as the plain-Java forward pass reads them ({@link DeepPart},
 * {@link ToxicityModel}): each layer's weights row-major [input][output], biases apart.
 *
 * <p>They come either from a DL4J graph ({@link #of}) or straight from a bundle's
 * {@code network.json} and {@code params.f16} ({@link #read}). The second is why this class exists:
 * building the graph to copy its parameters out costs about two seconds at every start (ND4J's
 * native start-up, DL4J's configuration parser, the half-to-float cast), most of
 * {@code scripts/score}'s start on a 2-core machine, and scoring never runs the graph. The layout
 * is DL4J's: the layers in the {@code topologicalOrderStr} the configuration records, each layer's
 * W before its b, W stored column-major ('f'). A test holds both ways to the same arrays.
 */
record ServingWeights(float[] embed, float[] embedBias, int dim, float[] hiddenW, float[] hiddenB, int hidden,
                      float[] logitsW, float[] logitsB, float[] wide) {
    static final String EMBED = "embed";
    static final String HIDDEN = "hidden";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Layer types whose parameters are a W [nIn, nOut] and, if hasBias, a b [nOut]. */
    private static final Set<String> WEIGHTED = Set.of("DenseLayer", "EmbeddingSequenceLayer", "EmbeddingLayer");
    /** Layer types without parameters. */
    private static final Set<String> PLAIN = Set.of("GlobalPoolingLayer", "LossLayer", "ActivationLayer", "DropoutLayer");

    /** Embedding rows (ids) the deep part holds. */
    long embedded() {
        return embed.length / dim;
    }

    /** Wide ids the wide part holds. */
    long wideIds() {
        return wide.length / org.parley.label.Attribute.COUNT;
    }

    /** Outputs of the deep part's logits layer. */
    int outputs() {
        return logitsB.length;
    }

    /** Copies the parameters out of a served graph. */
    static ServingWeights of(ComputationGraph served) {
        Layer e = served.getLayer(EMBED), h = served.getLayer(HIDDEN), l = served.getLayer(ToxicityNetwork.LOGITS);
        return new ServingWeights(rowMajor(e.getParam("W")),
                e.paramTable().containsKey("b") ? rowMajor(e.getParam("b")) : null, (int) e.getParam("W").size(1),
                rowMajor(h.getParam("W")), rowMajor(h.getParam("b")), (int) h.getParam("W").size(1),
                rowMajor(l.getParam("W")), rowMajor(l.getParam("b")),
                rowMajor(served.getLayer(ToxicityNetwork.WIDE).getParam("W")));
    }

    private static float[] rowMajor(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /**
     * The parameters from a bundle's network entries, without DL4J or ND4J: DL4J's JSON
     * configuration gives each layer's shape and the order of the flat array of half floats.
     */
    static ServingWeights read(byte[] config, byte[] halves) throws IOException {
        if (halves.length % 2 != 0) throw new IOException(NetworkCodec.PARAMS + " is not an array of half floats (" + halves.length + " bytes)");
        JsonNode conf;
        try {
            conf = JSON.readTree(config);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(NetworkCodec.CONFIG + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode order = conf.path("topologicalOrderStr"), vertices = conf.path("vertices");
        if (!order.isArray() || !vertices.isObject()) throw new IOException(NetworkCodec.CONFIG + " has no topologicalOrderStr or vertices");
        Map<String, float[][]> layers = new HashMap<>(); // name -> {W row-major, b or null}
        Map<String, Integer> outputs = new HashMap<>();
        long params = halves.length / 2;
        int offset = 0;
        for (JsonNode name : order) {
            JsonNode layer = vertices.path(name.asText()).path("layerConf").path("layer");
            if (layer.isMissingNode()) continue; // an input, or a vertex without parameters (merge, add, product)
            String type = layer.path("@class").asText();
            type = type.substring(type.lastIndexOf('.') + 1);
            if (PLAIN.contains(type)) continue;
            if (!WEIGHTED.contains(type)) throw new IOException(NetworkCodec.CONFIG + ": layer " + name.asText() + " is a " + type + ", which the scorer cannot read");
            long nIn = layer.path("nin").asLong(-1), nOut = layer.path("nout").asLong(-1);
            if (nIn <= 0 || nOut <= 0 || nIn * nOut > Integer.MAX_VALUE)
                throw new IOException(NetworkCodec.CONFIG + ": layer " + name.asText() + " has nIn " + nIn + " and nOut " + nOut);
            boolean bias = layer.path("hasBias").asBoolean(true);
            long size = nIn * nOut + (bias ? nOut : 0);
            if (offset + size > params)
                throw new IOException(NetworkCodec.PARAMS + " holds " + params + " parameters, fewer than " + NetworkCodec.CONFIG + " needs");
            float[] w = new float[(int) (nIn * nOut)];
            Halves.widenTransposed(halves, offset, (int) nIn, (int) nOut, w);
            float[] b = null;
            if (bias) {
                b = new float[(int) nOut];
                Halves.widen(halves, offset + (int) (nIn * nOut), b);
            }
            layers.put(name.asText(), new float[][] {w, b});
            outputs.put(name.asText(), (int) nOut);
            offset += (int) size;
        }
        if (offset != params)
            throw new IOException(NetworkCodec.PARAMS + " holds " + params + " parameters but " + NetworkCodec.CONFIG + " needs " + offset);
        for (String needed : new String[] {EMBED, HIDDEN, ToxicityNetwork.LOGITS, ToxicityNetwork.WIDE})
            if (!layers.containsKey(needed)) throw new IOException(NetworkCodec.CONFIG + " has no layer " + needed);
        float[][] e = layers.get(EMBED), h = layers.get(HIDDEN), l = layers.get(ToxicityNetwork.LOGITS);
        if (h[1] == null || l[1] == null) throw new IOException(NetworkCodec.CONFIG + ": the hidden and logits layers need a bias");
        return new ServingWeights(e[0], e[1], outputs.get(EMBED), h[0], h[1], outputs.get(HIDDEN), l[0], l[1],
                layers.get(ToxicityNetwork.WIDE)[0]);
    }

    /** Little-endian IEEE half floats to float, by table: exact, and cheap without the C2 compiler. */
    static final class Halves {
        private static final float[] TABLE = new float[1 << 16];

        static {
            for (int h = 0; h < TABLE.length; h++) TABLE[h] = toFloat(h);
        }

        private Halves() {}

        static float toFloat(int h) {
            int sign = (h & 0x8000) << 16, exp = (h >>> 10) & 0x1f, mantissa = h & 0x3ff;
            if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13)); // infinity, NaN
            if (exp == 0) { // zero and subnormals: mantissa × 2^-24, exact in float
                float v = mantissa * 0x1p-24f;
                return sign != 0 ? -v : v;
            }
            return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mantissa << 13));
        }

        private static int at(byte[] bytes, long index) {
            int i = (int) (index * 2);
            return (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8;
        }

        /** out[k] = the half at index from + k. */
        static void widen(byte[] halves, int from, float[] out) {
            for (int k = 0; k < out.length; k++) out[k] = TABLE[at(halves, from + (long) k)];
        }

        /** A column-major [rows, cols] block of halves at index from, written row-major into out. */
        static void widenTransposed(byte[] halves, int from, int rows, int cols, float[] out) {
            for (int c = 0; c < cols; c++) {
                long column = from + (long) c * rows;
                for (int r = 0; r < rows; r++) out[r * cols + c] = TABLE[at(halves, column + r)];
            }
        }
    }
}
