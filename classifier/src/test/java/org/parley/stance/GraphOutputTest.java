package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A stance reading gives its ND4J arrays' native memory back when it returns, not at some later
 * garbage collection: the served stance path grew resident memory by hundreds of MiB between
 * collections (docs/known-gaps.md). Memory itself is measured by scripts/stance-memory, not here.
 */
class GraphOutputTest {
    /** A 3 → 2 softmax that keeps every output it hands out. */
    private static final class Recording extends ComputationGraph {
        final List<INDArray> outputs = Collections.synchronizedList(new ArrayList<>());
        final Set<String> threads = ConcurrentHashMap.newKeySet(); // the threads each forward pass ran on

        Recording() {
            super(new NeuralNetConfiguration.Builder().seed(7).graphBuilder().addInputs("in")
                    .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                            .activation(Activation.SOFTMAX).build(), "in")
                    .setOutputs("out").build());
            init();
        }

        @Override
        public INDArray outputSingle(boolean train, INDArray... input) {
            threads.add(Thread.currentThread().getName());
            INDArray out = super.outputSingle(train, input);
            outputs.add(out);
            return out;
        }
    }

    private static float[] row(int i) {
        return new float[] {i, -i / 10f, 1f / (i + 1)};
    }

    /** The network's probabilities for rows(0..rows), in one call and without GraphOutput. */
    private static float[][] expected(Recording network, int rows) {
        float[][] x = new float[rows][];
        for (int i = 0; i < rows; i++) x[i] = row(i);
        float[][] out = network.outputSingle(false, Nd4j.create(x).castTo(DataType.FLOAT)).toFloatMatrix();
        network.outputs.clear();
        network.threads.clear();
        return out;
    }

    @Test
    void theInputsAndOutputsAReadingMakesAreClosedWhenItReturns() {
        Recording network = new Recording();
        int rows = 150; // three batches of at most 64
        float[][] want = expected(network, rows);
        List<INDArray> inputs = new ArrayList<>();
        float[][] p = GraphOutput.probabilities(network, rows, (from, to) -> {
            float[][] x = new float[to - from][];
            for (int i = from; i < to; i++) x[i - from] = row(i);
            INDArray a = Nd4j.create(x).castTo(DataType.FLOAT);
            inputs.add(a);
            return new INDArray[] {a};
        });
        assertEquals(3, inputs.size());
        assertEquals(3, network.outputs.size());
        for (INDArray a : inputs) assertTrue(a.wasClosed(), "an input left to the garbage collector");
        for (INDArray a : network.outputs) assertTrue(a.wasClosed(), "an output left to the garbage collector");
        for (int i = 0; i < rows; i++) assertArrayEquals(want[i], p[i], 1e-6f, "row " + i);
    }

    @Test
    void anArrayOfTheCallersStaysOpenEvenWhenOneBatchCoversIt() {
        // A range of x over all its rows shares x's memory but does not read as a view: closing it would free x.
        for (int rows : new int[] {20, 64, 100}) {
            Recording network = new Recording();
            float[][] x = new float[rows][];
            for (int i = 0; i < rows; i++) x[i] = row(i);
            INDArray xs = Nd4j.create(x).castTo(DataType.FLOAT);
            float[][] p = GraphOutput.probabilities(network, xs);
            assertFalse(xs.wasClosed());
            assertArrayEquals(row(rows - 1), xs.getRow(rows - 1).toFloatVector(), 0f);
            for (INDArray a : network.outputs) assertTrue(a.wasClosed());
            float[][] again = GraphOutput.probabilities(network, xs); // x still readable: the training loop scores its dev set each epoch
            for (int i = 0; i < rows; i++) assertArrayEquals(p[i], again[i], 0f);
        }
    }

    /**
     * DL4J keeps ~27 MiB of workspaces for each thread that has run a network: the passes run on the stance threads,
     * whichever threads ask, so that memory is bounded by those few and not by Jetty's request threads.
     */
    /** The threads are daemons (a command-line tool that read stance exits without closing them), named by their prefix. */
    @Test
    void theStanceThreadsAreNamedDaemonsAndAtMostFour() {
        StanceThreads threads = new StanceThreads(1, "test-daemon-");
        assertEquals(List.of(true, "test-daemon-1"), threads.call(() -> List.of(Thread.currentThread().isDaemon(), Thread.currentThread().getName())));
        int size = StanceThreads.defaultSize();
        assertTrue(size >= 1 && size <= 4 && size <= Runtime.getRuntime().availableProcessors(), "default size " + size);
    }

    @Test
    void forwardPassesRunOnTheStanceThreadsWhicheverThreadsAsk() throws Exception {
        Recording network = new Recording();
        int rows = 100; // two batches
        float[][] want = expected(network, rows);
        int callers = 12;
        List<Thread> readers = new ArrayList<>();
        Set<String> callerNames = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < callers; c++) {
            Thread t = new Thread(() -> {
                callerNames.add(Thread.currentThread().getName());
                for (int k = 0; k < 5; k++) {
                    float[][] p = GraphOutput.probabilities(network, rows, (from, to) -> {
                        float[][] x = new float[to - from][];
                        for (int i = from; i < to; i++) x[i - from] = row(i);
                        return new INDArray[] {Nd4j.create(x).castTo(DataType.FLOAT)};
                    });
                    for (int i = 0; i < rows; i++) if (!java.util.Arrays.equals(want[i], p[i])) failures.add(new AssertionError("row " + i));
                }
            }, "caller-" + c);
            readers.add(t);
            t.start();
        }
        for (Thread t : readers) t.join();
        assertTrue(failures.isEmpty(), () -> failures.get(0).getMessage());
        assertEquals(callers * 5 * 2, network.outputs.size());
        int bound = StanceThreads.shared().size();
        assertTrue(network.threads.size() <= bound && bound < callers,
                "passes ran on " + network.threads.size() + " threads, at most " + bound + " wanted: " + network.threads);
        for (String name : network.threads) {
            assertFalse(callerNames.contains(name), "a pass ran on the caller's thread " + name);
            assertTrue(name.startsWith("parley-stance-"), name);
        }
    }

    /** A caller interrupted while its pass waits for a thread takes it out of the queue: nothing is left behind. */
    @Test
    void aCallerInterruptedBeforeItsPassStartedLeavesNothingQueued() throws Exception {
        StanceThreads threads = new StanceThreads(1, "test-stance-");
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicReference<Integer> first = new AtomicReference<>();
        Thread holder = new Thread(() -> first.set(threads.call(() -> {
            started.countDown();
            release.await();
            return 1;
        })));
        holder.start();
        started.await();
        AtomicBoolean ran = new AtomicBoolean(), flagged = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                threads.call(() -> ran.getAndSet(true));
            } catch (Throwable e) {
                thrown.set(e);
            }
            flagged.set(Thread.currentThread().isInterrupted());
        });
        waiter.start();
        while (threads.queued() < 1) Thread.onSpinWait(); // the waiter's task is in the queue
        waiter.interrupt();
        waiter.join();
        assertInstanceOf(CancellationException.class, thrown.get());
        assertTrue(flagged.get(), "the interrupt is kept");
        assertEquals(0, threads.queued(), "the cancelled task left in the queue");
        release.countDown();
        holder.join();
        assertEquals(1, first.get());
        assertEquals(2, threads.call(() -> 2)); // one thread, in order: had the waiter's task stayed, it would have run by now
        assertFalse(ran.get(), "the cancelled task ran");
    }

    /** An interrupt during a pass that has started waits for it (the caller frees its inputs after) and keeps the flag. */
    @Test
    void aCallerInterruptedDuringItsPassGetsItsAnswer() throws Exception {
        StanceThreads threads = new StanceThreads(1, "test-stance-");
        CountDownLatch started = new CountDownLatch(1), release = new CountDownLatch(1);
        AtomicReference<Integer> answer = new AtomicReference<>();
        AtomicBoolean flagged = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            answer.set(threads.call(() -> {
                started.countDown();
                release.await();
                return 7;
            }));
            flagged.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        started.await();
        caller.interrupt();
        release.countDown();
        caller.join();
        assertEquals(7, answer.get());
        assertTrue(flagged.get());
        assertEquals(0, threads.queued());
        assertThrows(IllegalArgumentException.class, () -> threads.call(() -> {
            throw new IllegalArgumentException("the pass's own exception");
        }));
    }
}
