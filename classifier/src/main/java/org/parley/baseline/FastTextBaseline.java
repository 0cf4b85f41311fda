package org.parley.baseline;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.score.Scorer;

/**
 * fastText as a baseline, driven through the Debian {@code fasttext} binary: one supervised model
 * per attribute, trained on the rows labelled for it (label ≥ 0.5 is {@code __label__1}), and
 * {@code predict-prob} for P(label 1).
 *
 * <p>Texts are lower-cased and flattened to one line (fastText reads one example per line and
 * splits on whitespace); {@code __label__} inside a text is defused so a comment cannot smuggle in
 * a label. As in {@link LinearBaseline}, an attribute with no labelled row scores NaN and one with a
 * single class scores that class.
 *
 * <p>The models live in a temporary directory until {@link #close()}: about
 * {@code bucket × dim × 4} bytes each (400 MB at fastText's default 2M buckets and dim 50).
 */
public final class FastTextBaseline implements Scorer, AutoCloseable {
    public static final String NAME = "fasttext";

    private static final String INSTALL_HINT =
            "install it with 'sudo apt-get install -y fasttext' (Debian/Ubuntu) or set FastTextBaseline.Options.binary";

    /**
     * Command-line settings of {@code fasttext supervised}; the defaults are fastText's own except
     * dim 50 (100 buys nothing on short comments) and wordNgrams 2 (bigrams are what make fastText
     * competitive on text classification).
     *
     * @param binary  the executable: a path, or a bare name looked up on PATH
     * @param workDir where the temporary model directory goes; null for the system temp dir
     */
    public record Options(String binary, int epoch, int wordNgrams, int dim, double lr, int bucket, int threads,
                          int seed, Path workDir) {

        public static Options defaults() {
            return new Options("fasttext", 5, 2, 50, 0.1, 2_000_000, 2, 0, null);
        }

        public Options withBinary(String binary) {
            return new Options(binary, epoch, wordNgrams, dim, lr, bucket, threads, seed, workDir);
        }

        public Options withBucket(int bucket) {
            return new Options(binary, epoch, wordNgrams, dim, lr, bucket, threads, seed, workDir);
        }

        public Options withEpoch(int epoch) {
            return new Options(binary, epoch, wordNgrams, dim, lr, bucket, threads, seed, workDir);
        }

        public Options withWorkDir(Path workDir) {
            return new Options(binary, epoch, wordNgrams, dim, lr, bucket, threads, seed, workDir);
        }
    }

    private final Path binary;
    private final Path dir;
    private final Path[] models; // null where the attribute scores a constant
    private final float[] constants;
    private volatile boolean closed;

    private FastTextBaseline(Path binary, Path dir, Path[] models, float[] constants) {
        this.binary = binary;
        this.dir = dir;
        this.models = models;
        this.constants = constants;
    }

    public static FastTextBaseline train(List<Example> train) throws IOException {
        return train(train, Options.defaults());
    }

    public static FastTextBaseline train(List<Example> train, Options options) throws IOException {
        Path binary = locate(options.binary());
        Path dir = options.workDir() == null
                ? Files.createTempDirectory("parley-fasttext-")
                : Files.createTempDirectory(Files.createDirectories(options.workDir()), "parley-fasttext-");
        try {
            Path[] models = new Path[Attribute.COUNT];
            float[] constants = new float[Attribute.COUNT];
            for (Attribute a : Attribute.values()) {
                int labelled = 0, positives = 0;
                for (Example e : train) {
                    if (!e.labels().has(a)) continue;
                    labelled++;
                    if (e.labels().positive(a)) positives++;
                }
                if (labelled == 0 || positives == 0 || positives == labelled) {
                    constants[a.ordinal()] = labelled == 0 ? Float.NaN : positives == 0 ? 0f : 1f;
                    continue;
                }
                models[a.ordinal()] = trainOne(binary, dir, a, train, options);
            }
            return new FastTextBaseline(binary, dir, models, constants);
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
    }

    private static Path trainOne(Path binary, Path dir, Attribute a, List<Example> train, Options o) throws IOException {
        String stem = a.name().toLowerCase(Locale.ROOT);
        Path data = dir.resolve(stem + ".train.txt");
        try (BufferedWriter w = Files.newBufferedWriter(data, StandardCharsets.UTF_8)) {
            for (Example e : train) {
                if (!e.labels().has(a)) continue;
                w.write(e.labels().positive(a) ? "__label__1 " : "__label__0 ");
                w.write(flatten(e.text()));
                w.write('\n');
            }
        }
        Path output = dir.resolve(stem);
        List<String> command = List.of(binary.toString(), "supervised",
                "-input", data.toString(), "-output", output.toString(),
                "-epoch", String.valueOf(o.epoch()), "-wordNgrams", String.valueOf(o.wordNgrams()),
                "-dim", String.valueOf(o.dim()), "-lr", String.valueOf(o.lr()),
                "-bucket", String.valueOf(o.bucket()), "-thread", String.valueOf(o.threads()),
                "-seed", String.valueOf(o.seed()), "-verbose", "1");
        Path log = dir.resolve(stem + ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int exit = waitFor(p);
            if (exit != 0) throw new IOException(failure("supervised", a, exit, log));
        } finally {
            Files.deleteIfExists(data);
            Files.deleteIfExists(dir.resolve(stem + ".vec")); // word vectors: not needed to predict
        }
        Path model = dir.resolve(stem + ".bin");
        if (!Files.isRegularFile(model)) throw new IOException("fasttext supervised for " + a + " wrote no " + model);
        return model;
    }

    /** P(label 1) per text and attribute; I/O failures of the binary surface as {@link UncheckedIOException}. */
    @Override public float[][] score(List<String> texts) {
        if (closed) throw new IllegalStateException("this fastText baseline is closed; its models are deleted");
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) out[i] = constants.clone();
        if (texts.isEmpty()) return out;
        Path input = null;
        try {
            input = Files.createTempFile(dir, "score-", ".txt");
            try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
                for (String t : texts) {
                    w.write(flatten(t));
                    w.write('\n');
                }
            }
            for (Attribute a : Attribute.values()) {
                if (models[a.ordinal()] != null) predict(a, input, out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (input != null) {
                try {
                    Files.deleteIfExists(input);
                } catch (IOException ignored) {
                    // the directory goes on close()
                }
            }
        }
    }

    private void predict(Attribute a, Path input, float[][] out) throws IOException {
        Path log = dir.resolve(a.name().toLowerCase(Locale.ROOT) + ".predict.log");
        Process p = new ProcessBuilder(binary.toString(), "predict-prob", models[a.ordinal()].toString(),
                input.toString(), "-1").redirectError(log.toFile()).start();
        int line = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String s; (s = r.readLine()) != null; line++) {
                if (line >= out.length) throw new IOException("fasttext predict-prob for " + a + " gave more lines than the "
                        + out.length + " texts");
                out[line][a.ordinal()] = positiveProbability(s, a, line);
            }
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
        int exit = waitFor(p);
        if (exit != 0) throw new IOException(failure("predict-prob", a, exit, log));
        if (line != out.length) {
            throw new IOException("fasttext predict-prob for " + a + " gave " + line + " lines for " + out.length + " texts");
        }
    }

    /** Reads "__label__1 0.97 __label__0 0.03" (any order). */
    static float positiveProbability(String line, Attribute a, int lineNo) throws IOException {
        String[] t = line.trim().split(" ");
        float p1 = Float.NaN, p0 = Float.NaN;
        for (int k = 0; k + 1 < t.length; k += 2) {
            try {
                if (t[k].equals("__label__1")) p1 = Float.parseFloat(t[k + 1]);
                else if (t[k].equals("__label__0")) p0 = Float.parseFloat(t[k + 1]);
            } catch (NumberFormatException e) {
                p1 = p0 = Float.NaN;
                break;
            }
        }
        float p = !Float.isNaN(p1) ? p1 : 1f - p0;
        if (Float.isNaN(p)) {
            throw new IOException("fasttext predict-prob for " + a + ", line " + (lineNo + 1) + ": cannot read '" + line + "'");
        }
        return Math.max(0f, Math.min(1f, p)); // fastText can print 1.00001
    }

    /** One lower-cased line: fastText's separators and other line breaks become single spaces. */
    static String flatten(String text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = true; // drops leading blanks
        String lower = text.toLowerCase(Locale.ROOT).replace("__label__", "label");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c == '\0' || c == '\u0085' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!space) b.append(' ');
                space = true;
            } else {
                b.append(c);
                space = false;
            }
        }
        int end = b.length();
        if (end > 0 && b.charAt(end - 1) == ' ') b.setLength(end - 1);
        return b.toString();
    }

    @Override public String name() {
        return NAME;
    }

    /** True where a fastText model was trained; false where the attribute scores a constant or NaN. */
    public boolean fitted(Attribute a) {
        return models[a.ordinal()] != null;
    }

    /** Deletes the models. */
    @Override public void close() throws IOException {
        if (closed) return;
        closed = true;
        deleteTree(dir);
    }

    /** The executable, or an error saying how to install it. */
    static Path locate(String binary) {
        if (binary.contains("/")) {
            Path p = Path.of(binary);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return p;
            throw new IllegalStateException("fastText binary " + p + " is missing or not executable; " + INSTALL_HINT);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, binary);
            if (Files.isExecutable(p) && !Files.isDirectory(p)) return p;
        }
        throw new IllegalStateException("fastText binary '" + binary + "' is not on PATH (" + path + "); " + INSTALL_HINT);
    }

    private static int waitFor(Process p) throws IOException {
        try {
            return p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fasttext was running", e);
        }
    }

    private static String failure(String command, Attribute a, int exit, Path log) throws IOException {
        List<String> lines = new ArrayList<>();
        if (Files.exists(log)) {
            // fastText redraws its progress line with '\r'; keep the last few real lines.
            for (String l : Files.readString(log, StandardCharsets.UTF_8).split("[\r\n]+")) if (!l.isBlank()) lines.add(l);
        }
        List<String> tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        return "fasttext " + command + " for " + a + " failed (exit " + exit + "): " + String.join(" | ", tail);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @Override public String toString() {
        return "FastTextBaseline[" + dir + ", fitted " + Arrays.stream(Attribute.values()).filter(this::fitted).toList() + "]";
    }
}
