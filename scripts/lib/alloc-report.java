import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JFR recording made with alloc.jfc or alloc-sites.jfc (docs/scoring-api.md, "Allocation per request").
 * Usage: java scripts/lib/alloc-report.java RECORDING.jfr REQUESTS [COMMENTS_PER_REQUEST [SITES [FRAME]]]
 * Prints the bytes allocated during the recording (each thread's allocated bytes at its end less
 * those at its start, summed), per request and per comment, the GC pauses per 10,000 of each, and,
 * from alloc-sites.jfc's samples (weighed by TLAB or object size), the shares of the SITES heaviest
 * allocation sites by their innermost org.parley frame and by area; with FRAME (the start of a
 * frame, e.g. org.parley.feature.IntBuffer.<init>), the kB a comment of the samples whose stack has
 * such a frame, by class and their three innermost org.parley frames (which caller allocates it).
 */
class AllocReport {
    /** Areas of the request path, by the innermost frame of the sample that starts with one of the prefixes. */
    static final String[][] AREAS = {
            {"span tagger", "org.parley.explain.TaggerForward", "org.parley.explain.SpanTagger", "org.parley.explain.TokenFeatures", "org.parley.explain.WordCache"},
            {"span stacker", "org.parley.explain.SpanStacker"},
            {"occlusion", "org.parley.explain.SpanExplainer", "org.parley.feature.TokenRemoval", "org.parley.score.Variants",
                    "org.parley.model.ToxicityModel.scoreVariants", "org.parley.model.WideTerms"},
            {"deep part's forward pass", "org.parley.model.DeepPart"},
            {"deep ids", "org.parley.feature.FeatureExtractor.deepIds", "org.parley.feature.IntBuffer"},
            {"policy and language", "org.parley.policy.", "org.parley.text.Language"},
            {"tokenising", "org.parley.text.", "edu.stanford"},
            {"TF-IDF row", "org.parley.feature.NgramTfIdf", "org.parley.feature.WideText", "org.parley.feature.FeatureExtractor"},
            {"explain, other", "org.parley.explain."},
            {"scorer, other", "org.parley.model.", "org.parley.score.", "org.parley.feature."},
            {"service code", "org.parley.service."},
            {"JSON (Jackson)", "com.fasterxml.jackson"},
            {"Jersey, Jetty, HK2, Dropwizard", "org.glassfish", "org.eclipse.jetty", "org.jvnet", "io.dropwizard", "com.codahale", "ch.qos"}};

    public static void main(String[] args) throws Exception {
        long requests = Long.parseLong(args[1]);
        int perRequest = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int sites = args.length > 3 ? Integer.parseInt(args[3]) : 15;
        String frame = args.length > 4 ? args[4] : null;
        Map<Long, long[]> threads = new HashMap<>(); // thread id -> {first time, first bytes, last time, last bytes}
        Map<String, Long> byArea = new HashMap<>(), bySite = new HashMap<>(), byCaller = new HashMap<>();
        int pauses = 0;
        double pauseMs = 0;
        long sampled = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            switch (e.getEventType().getName()) {
                case "jdk.ThreadAllocationStatistics" -> {
                    long t = e.getStartTime().getEpochSecond() * 1_000_000_000L + e.getStartTime().getNano(), bytes = e.getLong("allocated");
                    threads.merge(e.getThread("thread").getId(), new long[] {t, bytes, t, bytes}, (a, b) -> new long[] {
                            Math.min(a[0], b[0]), a[0] <= b[0] ? a[1] : b[1], Math.max(a[2], b[2]), a[2] >= b[2] ? a[3] : b[3]});
                }
                case "jdk.GarbageCollection" -> {
                    pauses++;
                    pauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                }
                case "jdk.ObjectAllocationInNewTLAB", "jdk.ObjectAllocationOutsideTLAB" -> {
                    long weight = e.getEventType().getName().endsWith("InNewTLAB") ? e.getLong("tlabSize") : e.getLong("allocationSize");
                    sampled += weight;
                    List<String> frames = new ArrayList<>();
                    if (e.getStackTrace() != null)
                        for (RecordedFrame f : e.getStackTrace().getFrames())
                            frames.add(f.getMethod().getType().getName() + "." + f.getMethod().getName() + ":" + f.getLineNumber());
                    byArea.merge(area(frames), weight, Long::sum);
                    String own = frames.stream().filter(f -> f.startsWith("org.parley") && !f.contains("$$Lambda")).findFirst().orElse("(no org.parley frame)");
                    bySite.merge(own + " " + e.getClass("objectClass").getName() + (frames.isEmpty() ? "" : " from " + frames.get(0)), weight, Long::sum);
                    if (frame != null && frames.stream().anyMatch(f -> f.startsWith(frame)))
                        byCaller.merge(e.getClass("objectClass").getName() + " " + frames.stream().filter(f -> f.startsWith("org.parley")).limit(3).toList(), weight, Long::sum);
                }
                default -> { }
            }
        }
        // A thread seen at the end only started within the recording: all its bytes count. One seen at
        // the start only ended within it (Jetty retires idle threads): what it allocated before ending
        // is not recorded, and its total, mostly from before, must not count.
        // (Each end's events are written a few microseconds apart: the midpoint tells the ends apart.)
        long first = threads.values().stream().mapToLong(t -> t[0]).min().orElse(0);
        long middle = first + (threads.values().stream().mapToLong(t -> t[2]).max().orElse(0) - first) / 2, bytes = 0;
        for (long[] t : threads.values())
            bytes += t[0] < t[2] ? t[3] - t[1] : t[0] < middle ? 0 : t[3];
        System.out.printf("%.1f MB allocated over %d requests: %.1f kB a request, %.2f kB a comment%n",
                bytes / 1e6, requests, bytes / 1e3 / requests, bytes / 1e3 / requests / perRequest);
        System.out.printf("%d GC pauses, %.1f ms in all: per 10,000 requests %.2f pauses, %.0f ms; per 10,000 comments %.2f pauses, %.0f ms%n",
                pauses, pauseMs, pauses * 1e4 / requests, pauseMs * 1e4 / requests,
                pauses * 1e4 / requests / perRequest, pauseMs * 1e4 / requests / perRequest);
        if (sampled == 0) return;
        System.out.printf("allocation samples weigh %.1f MB; by area (innermost frame that names one):%n", sampled / 1e6);
        print(byArea, sampled, sites);
        System.out.println("by site (innermost org.parley frame, class, innermost frame):");
        print(bySite, sampled, sites);
        if (frame == null) return;
        long framed = byCaller.values().stream().mapToLong(Long::longValue).sum();
        double comments = (double) requests * perRequest;
        System.out.printf("samples with a frame starting %s: %.2f kB a comment (%.1f%%); by class and innermost org.parley frames:%n",
                frame, framed / 1e3 / comments, 100.0 * framed / sampled);
        byCaller.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(sites)
                .forEach(w -> System.out.printf("  %6.2f kB  %s%n", w.getValue() / 1e3 / comments, w.getKey()));
    }

    private static String area(List<String> frames) {
        for (String f : frames)
            for (String[] a : AREAS)
                for (int i = 1; i < a.length; i++) if (f.startsWith(a[i])) return a[0];
        return "other";
    }

    private static void print(Map<String, Long> weights, long total, int n) {
        weights.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(n)
                .forEach(w -> System.out.printf("  %5.1f%%  %s%n", 100.0 * w.getValue() / total, w.getKey()));
    }
}
