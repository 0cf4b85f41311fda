package org.parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.cli.ScoreCommand.Line;
import org.parley.label.Attribute;
import org.parley.model.ToxicityModel;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * scripts/score's work spread over the cores: each worker takes the next chunk of lines, parses
 * and tokenises them, scores them and writes their JSON, and the calling thread writes finished
 * chunks in input order. There is no barrier between chunks, so no core waits for the slowest
 * text of a chunk or for the output. The workers start before the model is there: tokenising
 * needs none, so while the calling thread loads the bundle (seconds, on one core) they read and
 * tokenise ahead, and score what they read once it is loaded.
 *
 * <p>At most {@link #AHEAD} characters of input (8 million) are read and not yet written, so memory stays
 * flat on files of any length. Lines that ask for stance or sentiment are scored for toxicity by
 * the workers and annotated by the writing thread, in order, as before ({@link StanceFields} loads
 * its models on first use and is not shared between threads).
 */
final class BatchScorer {
    /** Lines a worker takes at a time. */
    static final int CHUNK = 256;
    /** Input characters read and not yet written, at most (about 60,000 comments of a usual length). */
    static final long AHEAD = 8L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What {@link #next} returns to a worker holding unscored chunks when it may read no further. */
    private static final Chunk FLUSH = new Chunk(-1, 0, List.of(), 0);

    private final BufferedReader in;
    private final boolean sentiment;
    private final long aheadLimit;
    private final List<Thread> workers = new ArrayList<>();

    // Guarded by this.
    private int linesRead;
    private int chunksRead;
    private boolean end;
    private long ahead;
    private final Map<Integer, Chunk> finished = new HashMap<>();
    private Throwable failure;
    private ToxicityModel model;
    /** Set with the model; null: no "action" and "rules". */
    private PolicyFields policy;

    private BatchScorer(BufferedReader in, boolean sentiment, long aheadLimit) {
        this.in = in;
        this.sentiment = sentiment;
        this.aheadLimit = aheadLimit;
    }

    /** Starts one worker per core on {@code in}; {@link #score} then gives them the model and writes. */
    static BatchScorer start(BufferedReader in, boolean sentiment) {
        return start(in, sentiment, Runtime.getRuntime().availableProcessors(), AHEAD);
    }

    /** As {@link #start(BufferedReader, boolean)} with {@code workers} threads and another read-ahead limit (tests). */
    static BatchScorer start(BufferedReader in, boolean sentiment, int workers, long aheadLimit) {
        BatchScorer batch = new BatchScorer(in, sentiment, aheadLimit);
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(batch::work, "score-worker-" + i);
            t.setDaemon(true);
            batch.workers.add(t);
        }
        batch.workers.forEach(Thread::start);
        return batch;
    }

    /** Stops the workers: the model could not be loaded. */
    synchronized void fail(Throwable t) {
        if (failure == null) failure = t;
        notifyAll();
    }

    /**
     * Hands the workers the model and writes every line's result in input order; rethrows a worker's failure.
     *
     * @param policy adds each comment's "action" and "rules"; null: none
     */
    void score(ToxicityModel scorer, PolicyFields policy, Writer out, StanceFields extras) throws IOException {
        synchronized (this) {
            this.policy = policy;
            model = scorer;
            notifyAll();
        }
        try {
            write(out, extras);
        } catch (IOException | RuntimeException | Error e) {
            fail(e); // the workers stop rather than wait for a writer that is gone
            throw e;
        }
    }

    private void write(Writer out, StanceFields extras) throws IOException {
        for (int next = 0; ; next++) {
            Chunk c;
            synchronized (this) {
                while ((c = finished.remove(next)) == null) {
                    if (failure != null) throw rethrow(failure);
                    if (end && next == chunksRead) {
                        out.flush();
                        return;
                    }
                    await();
                }
            }
            for (int i = 0; i < c.size(); i++) {
                if (c.pending[i] != null) {
                    Line l = c.lines[i];
                    extras.annotate(l.input(), l.text(), c.pending[i]);
                    out.write(JSON.writeValueAsString(c.pending[i]));
                } else {
                    out.write(c.json[i]);
                }
                out.write('\n');
            }
            synchronized (this) {
                ahead -= c.chars;
                notifyAll();
            }
        }
    }

    private void work() {
        Deque<Chunk> waiting = new ArrayDeque<>(); // read and tokenised before the model was loaded
        try {
            while (true) {
                Chunk c = next(!waiting.isEmpty());
                if (c == null || c == FLUSH) {
                    ToxicityModel m = awaitModel();
                    while (!waiting.isEmpty()) finish(waiting.poll(), m);
                    if (c == null) return;
                    continue;
                }
                tokenise(c);
                ToxicityModel m = modelIfLoaded();
                if (m == null) {
                    waiting.add(c);
                    continue;
                }
                while (!waiting.isEmpty()) finish(waiting.poll(), m);
                finish(c, m);
            }
        } catch (Stopped e) {
            // another thread failed; it reports
        } catch (Throwable t) {
            fail(t);
        }
    }

    /**
     * The next chunk of lines; null at the end of the input. A worker that holds unscored chunks
     * gets {@link #FLUSH} instead of waiting when the input may not run further ahead.
     */
    private synchronized Chunk next(boolean holding) throws IOException {
        while (true) {
            if (failure != null) throw new Stopped();
            if (end) return null;
            if (ahead < aheadLimit) break;
            if (holding) return FLUSH;
            await();
        }
        List<String> raw = new ArrayList<>(CHUNK);
        long chars = 0;
        for (String line; raw.size() < CHUNK; ) {
            if ((line = in.readLine()) == null) {
                end = true;
                break;
            }
            raw.add(line);
            chars += line.length();
        }
        if (raw.isEmpty()) {
            notifyAll(); // the writer may be waiting to learn that the input has ended
            return null;
        }
        Chunk c = new Chunk(chunksRead++, linesRead + 1, raw, chars);
        linesRead += raw.size();
        ahead += chars;
        if (end) notifyAll();
        return c;
    }

    private synchronized ToxicityModel modelIfLoaded() {
        if (failure != null) throw new Stopped();
        return model;
    }

    private synchronized ToxicityModel awaitModel() throws InterruptedIOException {
        while (model == null) {
            if (failure != null) throw new Stopped();
            await();
        }
        return model;
    }

    /** Parses each line and tokenises its text: all that needs no model. */
    private static void tokenise(Chunk c) {
        for (int i = 0; i < c.size(); i++) {
            Line l = ScoreCommand.parse(c.firstLine + i, c.raw.get(i));
            c.lines[i] = l;
            if (l.error() == null) c.tokens[i] = TextPipeline.standard().tokenize(l.text());
        }
        c.raw = null;
    }

    private void finish(Chunk c, ToxicityModel m) throws JsonProcessingException {
        for (int i = 0; i < c.size(); i++) {
            Line l = c.lines[i];
            if (l.error() != null) {
                c.json[i] = JSON.writeValueAsString(JSON.createObjectNode().put("line", l.number()).put("error", l.error()));
                continue;
            }
            float[] s = m.score(l.text(), TextPipeline.standard(), c.tokens[i]);
            if (policy != null) {
                ObjectNode o = node(l.id(), s);
                policy.annotate(o, m, l.text(), c.tokens[i], s);
                if (sentiment || asksStance(l.input())) c.pending[i] = o;
                else c.json[i] = JSON.writeValueAsString(o);
            } else if (sentiment || asksStance(l.input())) {
                c.pending[i] = node(l.id(), s);
            } else {
                c.json[i] = json(l.id(), s);
            }
            c.tokens[i] = null;
        }
        synchronized (this) {
            finished.put(c.index, c);
            notifyAll();
        }
    }

    /**
     * {"id":…,"attributes":{"TOXICITY":…,…}} as Jackson writes that ObjectNode, without building it:
     * the id through Jackson, each probability as Float.toString, which is what Jackson 2 writes for
     * a float (BatchScorerTest compares both; the 100,000 lines of the benchmark are the same bytes).
     */
    static String json(JsonNode id, float[] scores) throws JsonProcessingException {
        for (float p : scores) if (!Float.isFinite(p)) return JSON.writeValueAsString(node(id, scores)); // Jackson quotes NaN
        StringBuilder out = new StringBuilder(200).append("{\"id\":").append(JSON.writeValueAsString(id)).append(",\"attributes\":{");
        for (Attribute a : Attribute.values()) {
            if (a.ordinal() > 0) out.append(',');
            out.append('"').append(a.name()).append("\":").append(Float.toString(scores[a.ordinal()]));
        }
        return out.append("}}").toString();
    }

    /** A scored line's output as a tree, for {@link StanceFields#annotate} to add to. */
    static ObjectNode node(JsonNode id, float[] scores) {
        ObjectNode o = JSON.createObjectNode();
        o.set("id", id);
        ObjectNode attrs = o.putObject("attributes");
        for (Attribute a : Attribute.values()) attrs.put(a.name(), scores[a.ordinal()]);
        return o;
    }

    /** Whether {@link StanceFields#annotate} has anything to add to this line. */
    private static boolean asksStance(JsonNode line) {
        JsonNode target = line.get("target"), parent = line.get("parent");
        return (target != null && !target.isNull()) || (parent != null && !parent.isNull());
    }

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while scoring");
        }
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) return io;
        if (t instanceof UncheckedIOException u) return u.getCause();
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }

    /** Thrown inside a worker when another thread has failed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Consecutive input lines, as read, then parsed and tokenised, then scored. */
    private static final class Chunk {
        final int index;
        final int firstLine;
        final long chars;
        List<String> raw;
        final Line[] lines;
        final List<Token>[] tokens;
        /** Each line's output, or null where {@link #pending} holds it. */
        final String[] json;
        /** Lines the writer still annotates with stance or sentiment. */
        final ObjectNode[] pending;

        @SuppressWarnings("unchecked")
        Chunk(int index, int firstLine, List<String> raw, long chars) {
            this.index = index;
            this.firstLine = firstLine;
            this.raw = raw;
            this.chars = chars;
            int n = raw.size();
            lines = new Line[n];
            tokens = new List[n];
            json = new String[n];
            pending = new ObjectNode[n];
        }

        int size() {
            return lines.length;
        }
    }
}
