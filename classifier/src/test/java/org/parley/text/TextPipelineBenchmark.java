package org.parley.text;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Throughput of the text pipeline on real comments (not a unit test; no JMH). Prints comments/s
 * for each phase on one thread, then for the whole pipeline on N threads. Besides wall-clock
 * rates it prints rates per CPU-second of the measuring threads, which stay meaningful on a
 * machine shared with other builds (time spent descheduled is not counted): the median of
 * {@value #WINDOWS} windows, and the best one, which is closest to an idle machine.
 *
 * <pre>
 * mvn -q -B -o -pl classifier test-compile dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt
 * java -XX:-DontCompileHugeMethods \
 *     -cp classifier/target/classes:classifier/target/test-classes:$(cat classifier/target/test-cp.txt) \
 *     org.parley.text.TextPipelineBenchmark [csv=training-data/jigsaw_toxic_partial/train.csv(.gz)] [seconds=5] [threads=2]
 * </pre>
 */
public final class TextPipelineBenchmark {
    private static final int WINDOWS = 5;
    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args.length > 0 ? args[0] : "training-data/jigsaw_toxic_partial/train.csv");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        List<String> texts = load(csv);
        Collections.shuffle(texts, new Random(42));
        long chars = texts.stream().mapToLong(String::length).sum();
        TextPipeline pipeline = TextPipeline.standard();
        System.out.printf("%d comments from %s, mean %.0f chars, median %d chars%n", texts.size(), csv,
                (double) chars / texts.size(), texts.stream().mapToInt(String::length).sorted().toArray()[texts.size() / 2]);
        System.out.printf("JVM %s, huge methods JIT-compiled (-XX:-DontCompileHugeMethods): %s, %d cores%n",
                Runtime.version(), CoreNlpLexer.lexerCompiled(), Runtime.getRuntime().availableProcessors());

        measure("warm-up", texts, 2 * seconds, t -> pipeline.tokenize(t).size());
        measure("clean only", texts, seconds, t -> {
            sink += TextCleaner.clean(t).text().length(); // no tokens yet
            return 0;
        });
        measure("clean + CoreNLP lexer", texts, seconds, t -> CoreNlpLexer.tokenize(TextCleaner.clean(t).text()).size());
        measure("tokens() (forms only)", texts, seconds, t -> pipeline.tokens(t).size());
        measure("tokenize() (with offsets)", texts, seconds, t -> pipeline.tokenize(t).size());
        measureParallel(texts, seconds, threads, t -> pipeline.tokens(t).size());
    }

    /** Runs {@value #WINDOWS} windows and prints the median and the best window's rates. */
    private static void measure(String label, List<String> texts, double seconds, ToIntFunction<String> work) {
        double[] wall = new double[WINDOWS];
        double[] cpu = new double[WINDOWS];
        long comments = 0;
        long tokens = 0;
        long cpuNanos = 0;
        for (int w = 0; w < WINDOWS; w++) {
            long[] c = run(texts, seconds / WINDOWS, work, 0, 1);
            wall[w] = c[0] / (c[2] / 1e9);
            cpu[w] = c[0] / (c[3] / 1e9);
            comments += c[0];
            tokens += c[1];
            cpuNanos += c[3];
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("%-26s %,8.0f comments/s wall  %,8.0f comments/CPU-s (best window %,8.0f)  %,6.0f tokens/comment%n",
                label, wall[WINDOWS / 2], cpu[WINDOWS / 2], cpu[WINDOWS - 1], (double) tokens / comments);
    }

    private static void measureParallel(List<String> texts, double seconds, int threads, ToIntFunction<String> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int k = 0; k < threads; k++) {
                int offset = k;
                futures.add(pool.submit(() -> run(texts, seconds, work, offset, threads)));
            }
            double perSecond = 0;
            long comments = 0;
            long cpu = 0;
            for (Future<long[]> f : futures) {
                long[] c = f.get();
                perSecond += c[0] / (c[2] / 1e9);
                comments += c[0];
                cpu += c[3];
            }
            System.out.printf("%-26s %,8.0f comments/s wall  %,8.0f comments/CPU-s  (%d threads together)%n",
                    "tokens(), " + threads + " threads", perSecond, comments / (cpu / 1e9), threads);
        } finally {
            pool.shutdown();
        }
    }

    /** {comments, tokens, wall ns, CPU ns}: loops over texts[offset], texts[offset + stride]... until time is up. */
    private static long[] run(List<String> texts, double seconds, ToIntFunction<String> work, int offset, int stride) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long comments = 0;
        long tokens = 0;
        int i = offset;
        while (System.nanoTime() < deadline) {
            for (int k = 0; k < 100; k++) {
                tokens += work.applyAsInt(texts.get(i));
                comments++;
                i += stride;
                if (i >= texts.size()) {
                    i = offset;
                }
            }
        }
        sink += tokens;
        return new long[] {comments, tokens, System.nanoTime() - start, threads.getCurrentThreadCpuTime() - cpuStart};
    }

    private static List<String> load(Path csv) throws IOException {
        List<String> texts = new ArrayList<>();
        // The project's copy is gzipped: x.csv, else x.csv.gz.
        Path gz = Path.of(csv + ".gz");
        try (Reader reader = Files.exists(csv) ? Files.newBufferedReader(csv, StandardCharsets.UTF_8)
                : new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord row : format.parse(reader)) {
                texts.add(row.get("comment_text"));
            }
        }
        return texts;
    }
}
