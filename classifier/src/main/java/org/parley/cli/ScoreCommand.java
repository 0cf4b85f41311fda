package org.parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.io.Utf8Files;
import org.parley.label.Attribute;
import org.parley.model.Bundles;
import org.parley.model.ModelBundle;
import org.parley.model.ToxicityModel;
import org.parley.text.BlankText;
import org.parley.text.TextPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The batch scorer: JSON Lines in, one JSON line out per input line, in order. A bad line is
 * answered with {@code {"line": N, "error": "..."}} in its place and scoring goes on, so one
 * broken record never costs a whole file.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Scores comments for the six toxicity attributes.",
                "Input: JSON Lines, one {\"id\": \"...\", \"text\": \"...\"} per line, from FILE or stdin.",
                "Output: one line per input line, same order: {\"id\": \"...\", \"attributes\": {\"TOXICITY\": 0.93, ...}}",
                "with calibrated probabilities in [0,1]; a bad line gives {\"line\": N, \"error\": \"...\"}.",
                "A line may add \"target\" (string or list) and \"parent\" (text): the output then adds \"stance\" and \"replyStance\"."})
public final class ScoreCommand implements Callable<Integer> {
    /** Longest comment accepted, as in the service API. */
    public static final int MAX_TEXT = 20_480;
    private static final int CHUNK = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON Lines input (default: stdin)")
    Path input;

    @Option(names = "--model", paramLabel = "PATH", description = "model bundle (default: the shipped ${DEFAULT-VALUE})")
    Path model = Bundles.shipped();

    @Option(names = "--output", paramLabel = "FILE", description = "write here instead of stdout")
    Path output;

    @Option(names = "--stance-model", paramLabel = "PATH",
            description = "stance bundle for lines with \"target\" or \"parent\" (default: the shipped ${DEFAULT-VALUE})")
    Path stanceModel = org.parley.stance.StanceBundle.shipped();

    @Option(names = "--sentiment", description = "also add \"sentiment\" (CoreNLP, five classes; costs a parse per comment)")
    boolean sentiment;

    public static void main(String[] args) {
        System.exit(Cli.execute(new ScoreCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        if (input != null && Files.isDirectory(input)) throw new IllegalArgumentException(input + " is a folder, not a file of comments");
        ModelBundle bundle = ModelBundle.load(model);
        ToxicityModel scorer = new ToxicityModel(bundle, TextPipeline.standard(), 1);
        // Invalid UTF-8 becomes U+FFFD rather than aborting the whole run.
        try (BufferedReader in = Utf8Files.reader(input == null ? System.in : Files.newInputStream(input), CodingErrorAction.REPLACE);
             Writer out = output == null
                     ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                     : Files.newBufferedWriter(output)) {
            score(in, out, scorer, new StanceFields(stanceModel, sentiment));
        }
        return 0;
    }

    /** Reads, scores and writes chunk by chunk, so memory stays flat on files of any length. */
    static void score(BufferedReader in, Writer out, ToxicityModel scorer) throws IOException {
        score(in, out, scorer, new StanceFields(org.parley.stance.StanceBundle.shipped(), false));
    }

    static void score(BufferedReader in, Writer out, ToxicityModel scorer, StanceFields extras) throws IOException {
        // The next chunk is read and parsed on another thread while this one is scored and written:
        // both are serial work that would otherwise leave a core idle.
        ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "score-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            int[] lineNo = {0};
            Callable<List<Line>> read = () -> readChunk(in, lineNo);
            Future<List<Line>> next = reader.submit(read);
            for (List<Line> chunk = await(next); !chunk.isEmpty(); chunk = await(next)) {
                next = reader.submit(read);
                writeChunk(chunk, out, scorer, extras);
            }
        } finally {
            reader.shutdownNow();
        }
        out.flush();
    }

    /** Up to CHUNK parsed lines; empty at the end of the input. */
    private static List<Line> readChunk(BufferedReader in, int[] lineNo) throws IOException {
        List<Line> chunk = new ArrayList<>(CHUNK);
        for (String raw; chunk.size() < CHUNK && (raw = in.readLine()) != null; ) chunk.add(parse(++lineNo[0], raw));
        return chunk;
    }

    private static List<Line> await(Future<List<Line>> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the input");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void writeChunk(List<Line> chunk, Writer out, ToxicityModel scorer, StanceFields extras) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Line l : chunk) if (l.error == null) texts.add(l.text);
        float[][] scores = texts.isEmpty() ? new float[0][] : scorer.score(texts);
        int k = 0;
        for (Line l : chunk) {
            ObjectNode o = JSON.createObjectNode();
            if (l.error != null) {
                o.put("line", l.number).put("error", l.error);
            } else {
                o.set("id", l.id);
                ObjectNode attrs = o.putObject("attributes");
                float[] s = scores[k++];
                for (Attribute a : Attribute.values()) attrs.put(a.name(), s[a.ordinal()]);
                extras.annotate(l.input, l.text, o);
            }
            out.write(JSON.writeValueAsString(o));
            out.write('\n');
        }
    }

    /** One input line: either an id and a text to score, or the reason it cannot be scored. */
    record Line(int number, JsonNode id, String text, String error, JsonNode input) {
        static Line bad(int number, String error) {
            return new Line(number, null, null, error, null);
        }
    }

    static Line parse(int number, String raw) {
        if (raw.isBlank()) return Line.bad(number, "empty line: expected a JSON object {\"id\": ..., \"text\": ...}");
        JsonNode node;
        try {
            node = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            return Line.bad(number, "invalid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) return Line.bad(number, "expected a JSON object {\"id\": ..., \"text\": ...}");
        JsonNode id = node.get("id");
        if (id == null) return Line.bad(number, "field 'id' is missing");
        if (id.isNull()) return Line.bad(number, "field 'id' is null");
        if (!id.isTextual() && !id.isIntegralNumber()) return Line.bad(number, "field 'id' must be a string or an integer");
        JsonNode text = node.get("text");
        if (text == null) return Line.bad(number, "field 'text' is missing");
        if (text.isNull()) return Line.bad(number, "field 'text' is null");
        if (!text.isTextual()) return Line.bad(number, "field 'text' must be a string");
        String t = text.asText();
        // Nothing visible, as /v1/score reads it: a text of zero-width spaces is no comment to score.
        if (BlankText.is(t)) return Line.bad(number, "field 'text' is empty");
        if (t.length() > MAX_TEXT)
            return Line.bad(number, "field 'text' is " + t.length() + " characters; the limit is " + MAX_TEXT);
        String extra = StanceFields.check(node);
        if (extra != null) return Line.bad(number, extra);
        return new Line(number, id, t, null, node);
    }
}
