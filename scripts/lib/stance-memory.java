import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.parley.stance.StanceBundle;
import org.parley.stance.StanceModel;
import org.parley.text.TextPipeline;

/**
 * Run by scripts/stance-memory (see its --help): the shipped stance model's readings as /v1/threads makes them
 * (20 real comments, one target, a call), CALLS of them from THREADS threads, with resident memory every tenth.
 * The JVM's heap is committed and touched before the first call, so what resident memory gains is native memory
 * (ND4J's arrays, ONNX Runtime, malloc), not heap pages the collector came to use.
 */
class StanceMemory {
    static final String[] TARGETS = {"gun control", "climate change", "the mayor", "nuclear power", "vaccines", "immigration", "the new stadium"};

    public static void main(String[] args) throws Exception {
        int calls = Integer.parseInt(args[0]), threads = Integer.parseInt(args[1]);
        Path root = Path.of(System.getProperty("parley.home", "."));
        List<String> texts = comments(root.resolve("training-data/jigsaw_toxic_partial/train.csv.gz"));
        Collections.shuffle(texts, new Random(3));
        StanceModel model = StanceBundle.load(root.resolve(StanceBundle.SHIPPED), TextPipeline.standard());
        model.stance(texts.subList(0, 20), List.of(TARGETS[0])); // loads the sentence encoder
        final long start = rssKib();
        System.out.printf("%d comments; %d calls of 20 from %d threads; resident after loading %d MiB%n", texts.size(), calls, threads, start >> 10);
        System.out.println("calls  comments  resident_MiB  ms_per_comment");
        AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        AtomicLong nanos = new AtomicLong();
        long[] half = {-1}; // resident memory when half the calls are done
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < calls; ) {
                List<String> part = new ArrayList<>(20);
                for (int k = 0; k < 20; k++) part.add(texts.get((i * 20 + k) % texts.size()));
                long t = System.nanoTime();
                model.stance(part, List.of(TARGETS[i % TARGETS.length]));
                nanos.addAndGet(System.nanoTime() - t);
                int d = done.incrementAndGet();
                if (d % Math.max(1, calls / 10) == 0 || d == calls) {
                    long rss = rssKib();
                    synchronized (half) {
                        if (half[0] < 0 && d >= calls / 2) half[0] = rss;
                        System.out.printf("%5d  %8d  %12d  %14.1f%n", d, d * 20, rss >> 10, nanos.get() / 1e6 / (d * 20));
                    }
                }
            }
        };
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) running.add(new Thread(worker, "reader-" + t));
        for (Thread t : running) t.start();
        for (Thread t : running) t.join();
        long end = rssKib();
        System.out.printf("resident memory: %+d MiB over the first half of the calls (inputs of new lengths), %+d MiB over the second (%+.1f KiB a comment)%n",
                (half[0] - start) >> 10, (end - half[0]) >> 10, (end - half[0]) / (calls - calls / 2) / 20.0);
        // DL4J keeps its workspaces per thread that ran a network: these, since the forty-fourth session, not the readers
        System.out.printf("threads that ran the stance networks: %d (parley-stance-*; -Dparley.stance.threads)%n",
                Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("parley-stance-")).count());
        System.exit(0);
    }

    static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    /** The comment_text column's values of 20 to 600 characters (RFC 4180: quoted fields, "" for a quote, line breaks inside quotes). */
    static List<String> comments(Path csvGz) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(new FileInputStream(csvGz.toFile())), StandardCharsets.UTF_8))) {
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false, header = true;
            for (int c; (c = r.read()) != -1; ) {
                if (quoted) {
                    if (c != '"') field.append((char) c);
                    else {
                        r.mark(1);
                        if (r.read() == '"') field.append('"');
                        else { r.reset(); quoted = false; }
                    }
                } else if (c == '"') quoted = true;
                else if (c == ',') { row.add(field.toString()); field.setLength(0); }
                else if (c == '\n') {
                    row.add(field.toString()); field.setLength(0);
                    if (!header && row.size() > 1 && row.get(1).length() > 20 && row.get(1).length() < 600) out.add(row.get(1));
                    header = false;
                    row.clear();
                } else if (c != '\r') field.append((char) c);
            }
        }
        return out;
    }
}
