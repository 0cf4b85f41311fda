package org.parley.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ServingWeightsTest {
    @TempDir Path dir;

    @Test
    void theBundleEntriesReadWithoutDl4jGiveTheGraphsArrays() throws IOException {
        Path tiny = dir.resolve("tiny.zip");
        TinyBundles.create().save(tiny);
        for (Path bundle : new Path[] {tiny, Bundles.shipped()}) {
            BundleFile file = BundleFile.read(bundle, new BundleFile.Kind("model bundle", ModelBundle.FORMAT, 3, 3));
            Map<String, byte[]> entries = file.entries();
            ServingWeights direct = ServingWeights.read(entries.get(NetworkCodec.CONFIG), entries.get(NetworkCodec.PARAMS));
            ServingWeights viaGraph = ServingWeights.of(NetworkCodec.read(bundle, file, ""));
            String name = bundle.getFileName().toString();
            assertArrayEquals(viaGraph.embed(), direct.embed(), name + " embed");
            assertArrayEquals(viaGraph.embedBias(), direct.embedBias(), name + " embed bias");
            assertEquals(viaGraph.dim(), direct.dim(), name);
            assertArrayEquals(viaGraph.hiddenW(), direct.hiddenW(), name + " hidden W");
            assertArrayEquals(viaGraph.hiddenB(), direct.hiddenB(), name + " hidden b");
            assertEquals(viaGraph.hidden(), direct.hidden(), name);
            assertArrayEquals(viaGraph.logitsW(), direct.logitsW(), name + " logits W");
            assertArrayEquals(viaGraph.logitsB(), direct.logitsB(), name + " logits b");
            assertArrayEquals(viaGraph.wide(), direct.wide(), name + " wide");
        }
    }

    @Test
    void everyHalfWidensAsNd4jCastsIt() {
        ByteBuffer halves = ByteBuffer.allocateDirect(2 << 16).order(ByteOrder.nativeOrder());
        for (int h = 0; h < 1 << 16; h++) halves.putShort((short) h);
        halves.rewind();
        float[] nd4j = Nd4j.create(Nd4j.createBuffer(halves, DataType.HALF, 1 << 16), new long[] {1 << 16})
                .castTo(DataType.FLOAT).data().asFloat();
        for (int h = 0; h < 1 << 16; h++) {
            float ours = ServingWeights.Halves.toFloat(h);
            if (Float.isNaN(nd4j[h])) assertTrue(Float.isNaN(ours), "half 0x" + Integer.toHexString(h));
            else assertEquals(Float.floatToIntBits(nd4j[h]), Float.floatToIntBits(ours), "half 0x" + Integer.toHexString(h));
        }
    }

    @Test
    void aLayerTheScorerCannotReadIsNamed() throws IOException {
        Path tiny = dir.resolve("tiny.zip");
        TinyBundles.create().save(tiny);
        Map<String, byte[]> entries = BundleFile.read(tiny, new BundleFile.Kind("model bundle", ModelBundle.FORMAT, 3, 3)).entries();
        byte[] config = new String(entries.get(NetworkCodec.CONFIG), StandardCharsets.UTF_8)
                .replace("org.deeplearning4j.nn.conf.layers.DenseLayer", "org.deeplearning4j.nn.conf.layers.LSTM")
                .getBytes(StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ServingWeights.read(config, entries.get(NetworkCodec.PARAMS)));
        assertTrue(e.getMessage().contains("is a LSTM"), e.getMessage());
    }

    /** A layer of no inputs, or of more weights than an array holds, is named with its shape before any is read. */
    @Test
    void aLayerOfNoInputsOrOfMoreWeightsThanAnArrayHoldsIsNamed() throws IOException {
        Path tiny = dir.resolve("tiny.zip");
        TinyBundles.create().save(tiny);
        Map<String, byte[]> entries = BundleFile.read(tiny, new BundleFile.Kind("model bundle", ModelBundle.FORMAT, 3, 3)).entries();
        String config = new String(entries.get(NetworkCodec.CONFIG), StandardCharsets.UTF_8);
        String hiddenInputs = "\"nin\" : " + (2 * 8 + org.parley.label.Attribute.COUNT); // the tiny network's hidden layer
        assertTrue(config.contains(hiddenInputs), "the tiny network's hidden layer reads 22 inputs");
        for (String nIn : new String[] {"0", "3000000000"}) {
            byte[] changed = config.replace(hiddenInputs, "\"nin\" : " + nIn).getBytes(StandardCharsets.UTF_8);
            IOException e = assertThrows(IOException.class, () -> ServingWeights.read(changed, entries.get(NetworkCodec.PARAMS)));
            assertEquals(NetworkCodec.CONFIG + ": layer hidden has nIn " + nIn + " and nOut 8", e.getMessage());
        }
    }
}
