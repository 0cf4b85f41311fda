package org.parley.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A DL4J {@link ComputationGraph} as two bundle entries: its configuration ({@code network.json},
 * DL4J's own JSON) and its parameters as one flat array of little-endian half floats
 * ({@code params.f16}, in DL4J's parameter order). DL4J's {@link ModelSerializer} reads half
 * parameters one value at a time through a stream (a second and a half for the toxicity bundle's
 * 21 million); these are copied in as one block and widened to float natively.
 * Bundles written before hold a ModelSerializer zip ({@code network.zip}); those still load.
 */
public final class NetworkCodec {
    public static final String CONFIG = "network.json";
    public static final String PARAMS = "params.f16";
    public static final String LEGACY = "network.zip";

    private NetworkCodec() {}

    /** Adds {@code prefix + CONFIG} and {@code prefix + PARAMS} for the network (float, rounded to half). */
    public static void put(Map<String, byte[]> entries, String prefix, ComputationGraph network) {
        entries.put(prefix + CONFIG, network.getConfiguration().toJson().getBytes(StandardCharsets.UTF_8));
        entries.put(prefix + PARAMS, halves(network.params()));
    }

    /** The values rounded to half floats, little-endian, 2 bytes each (in the array's order). */
    public static byte[] halves(INDArray values) {
        INDArray half = values.castTo(DataType.HALF);
        ByteBuffer in = half.data().asNio().order(ByteOrder.nativeOrder());
        ByteBuffer out = ByteBuffer.allocate((int) half.length() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < half.length(); i++) out.putShort(in.getShort(i * 2));
        return out.array();
    }

    /** What {@link #halves} wrote, as a float row vector. */
    public static INDArray fromHalves(byte[] bytes) throws IOException {
        if (bytes.length % 2 != 0) throw new IOException("not an array of half floats (" + bytes.length + " bytes)");
        int n = bytes.length / 2;
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).order(ByteOrder.nativeOrder());
        ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) direct.put(le);
        else while (le.hasRemaining()) direct.putShort(le.getShort());
        direct.rewind();
        DataBuffer buffer = Nd4j.createBuffer(direct, DataType.HALF, n);
        return Nd4j.create(buffer, new long[] {1, n}).castTo(DataType.FLOAT);
    }

    /** The values as little-endian 4-byte floats (an IDF table). */
    public static byte[] floats(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    /** What {@link #floats} wrote. */
    public static float[] fromFloats(byte[] bytes) throws IOException {
        if (bytes.length % Float.BYTES != 0) throw new IOException("not an array of 4-byte floats (" + bytes.length + " bytes)");
        float[] values = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    /** The names the entries of a network with this prefix have in a bundle (the new format if present). */
    public static java.util.List<String> names(Map<String, byte[]> entries, String prefix) {
        return entries.containsKey(prefix + CONFIG) || !entries.containsKey(prefix + LEGACY)
                ? java.util.List.of(prefix + CONFIG, prefix + PARAMS) : java.util.List.of(prefix + LEGACY);
    }

    /** The network, in float, from either format; a failure names the entry it is in. */
    public static ComputationGraph read(Path file, BundleFile bundle, String prefix) {
        if (!bundle.entries().containsKey(prefix + CONFIG) && bundle.entries().containsKey(prefix + LEGACY))
            return bundle.read(file, prefix + LEGACY, bytes -> ModelSerializer.restoreComputationGraph(
                    new ByteArrayInputStream(bytes), false).convertDataType(DataType.FLOAT));
        ComputationGraph network = bundle.read(file, prefix + CONFIG, NetworkCodec::graph);
        INDArray params = bundle.read(file, prefix + PARAMS, NetworkCodec::fromHalves);
        try {
            network.init(params, false); // init checks that the network has exactly this many
        } catch (RuntimeException e) {
            throw new BundleException(file, "entry " + prefix + PARAMS + " does not fit " + prefix + CONFIG + ": " + e.getMessage(), e);
        }
        return network;
    }

    /** An uninitialised network from DL4J's JSON, or null for JSON null. */
    private static ComputationGraph graph(byte[] json) throws IOException {
        ComputationGraphConfiguration conf;
        try {
            conf = ComputationGraphConfiguration.fromJson(new String(json, StandardCharsets.UTF_8));
        } catch (RuntimeException e) { // DL4J's JSON null is an NPE inside it
            throw new IOException("not a DL4J ComputationGraph configuration", e);
        }
        if (conf == null) return null;
        // DL4J reads any object, {} included, and only fails later on what it lacks, with a bare NPE.
        if (conf.getNetworkInputs() == null || conf.getNetworkOutputs() == null || conf.getVertices() == null || conf.getVertices().isEmpty())
            throw new IOException("not a DL4J ComputationGraph configuration (no inputs, outputs or vertices)");
        return new ComputationGraph(conf);
    }
}
