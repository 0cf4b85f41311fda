package org.parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.parley.io.JsonLine;
import org.parley.io.Utf8Files;
import org.parley.model.BundleException;
import org.parley.model.BundleFile;
import org.parley.model.Bundles;
import org.parley.model.ModelBundle;
import org.parley.model.ToxicityModel;
import org.parley.score.Scorer;
import org.parley.stance.StanceBundle;
import org.parley.text.BlankText;
import org.parley.text.TextPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The batch scorer: JSON Lines in, one JSON line out per input line, in order. A bad line is
 * answered with {@code {"line": N, "error": "..."}} in its place and scoring goes on, so one
 * broken record never costs a whole file.
 */
@Command(name = "score", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class,
        footer = {"", "Example: scripts/score --policy comments.jsonl > scores.jsonl"},
        description = {"Scores comments for the six toxicity attributes.",
                "Input: JSON Lines, one {\"id\": \"...\", \"text\": \"...\"} per line, from FILE or stdin.",
                "Output: one line per input line, same order: {\"id\": \"...\", \"attributes\": {\"TOXICITY\": 0.93, ...}}",
                "with calibrated probabilities in [0,1]; a bad line gives {\"line\": N, \"error\": \"...\"}.",
                "A line may add \"target\" (string or list) and \"parent\" (text): the output then adds \"stance\" and",
                "\"replyStance\". --policy adds \"action\" (PUBLISH, REVIEW or REJECT) and \"rules\": what the service's",
                "default policy does with the comment."})
public final class ScoreCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "JSON Lines input, gzipped or not (default: stdin)")
    Path input;

    @Option(names = "--model", paramLabel = "PATH", description = "model bundle (default: the shipped ${DEFAULT-VALUE})")
    Path model = Bundles.shipped();

    @Option(names = "--output", paramLabel = "FILE", description = "write here instead of stdout")
    Path output;

    @Option(names = "--stance-model", paramLabel = "PATH",
            description = "stance bundle for lines with \"target\" or \"parent\" (default: the shipped ${DEFAULT-VALUE})")
    Path stanceModel = StanceBundle.shipped();

    @Option(names = "--policy", description = "also add \"action\" and \"rules\": the service's default policy (docs/scoring-api.md, \"Policy\"; reads a comment's sentences alone when the other rules publish it)")
    boolean policy;

    @Option(names = Cli.STRICT_PIPELINE, description = "refuse a bundle whose text pipeline may differ from the one it was trained with"
            + " (its recorded probe readings differ, or it has none) instead of warning (docs/data-science.md, \"The text-pipeline check\")")
    boolean strictPipeline;

    @Option(names = "--sentiment", description = "also add \"sentiment\" (CoreNLP, five classes; costs a parse per comment)")
    boolean sentiment;

    public static void main(String[] args) {
        System.exit(Cli.execute(new ScoreCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        if (input != null && Files.isDirectory(input)) throw new IllegalArgumentException(input + " is a folder, not a file of comments");
        BufferedReader in;
        try {
            // Invalid UTF-8 becomes U+FFFD rather than aborting the whole run, and is said once, as evaluate --file and
            // train --include-decisions say it (a data scientist's sixth audit: scored without a word).
            String name = input == null ? "standard input" : input.toString();
            in = Utf8Files.reader(Utf8Files.gunzipped(input == null ? System.in : Files.newInputStream(input)), () -> System.err.println(
                    "warning: " + name + " has bytes that are not UTF-8: read as U+FFFD (\uFFFD), and scored so"));
        } catch (IOException e) {
            toxicityBundle(); // a broken bundle is named first, as when it was loaded before the input was opened
            throw e;
        }
        try (in) {
            // The workers read and tokenise while the bundle loads on this thread.
            BatchScorer batch = BatchScorer.start(in, sentiment);
            ToxicityModel scorer;
            try {
                scorer = new ToxicityModel(toxicityBundle(), TextPipeline.standard(), 1);
            } catch (RuntimeException | Error e) {
                batch.fail(e);
                throw e;
            }
            try (Writer out = new BufferedWriter(new OutputStreamWriter(
                    output == null ? CheckedOutput.standardOutput() : CheckedOutput.file(output), StandardCharsets.UTF_8), 1 << 16)) {
                batch.score(scorer, policy ? new PolicyFields() : null, out, new StanceFields(stanceModel, sentiment, strictPipeline));
            } catch (IOException | RuntimeException | Error e) {
                batch.fail(e);
                throw e;
            }
        }
        return 0;
    }

    /** The --model bundle, without its checksum: scoring never reads it. */
    private ModelBundle toxicityBundle() {
        ModelBundle bundle = load(model, BundleOption.TOXICITY, () -> ModelBundle.load(model, false));
        Cli.pipelineChecked(model, bundle.provenance(), true, strictPipeline);
        return bundle;
    }

    /** The bundles scripts/score reads: the option that takes each, its format and what it is called. */
    enum BundleOption {
        TOXICITY("--model", ModelBundle.FORMAT, "toxicity bundle"), STANCE("--stance-model", StanceBundle.FORMAT, "stance bundle");

        private final String option, format, kind;

        BundleOption(String option, String format, String kind) {
            this.option = option;
            this.format = format;
            this.kind = kind;
        }
    }

    /**
     * Loads the bundle given to {@code to}; one of the other task's (a stance bundle given to
     * --model) is refused naming the option that takes it, not only the format it does not have.
     */
    static <T> T load(Path file, BundleOption to, Supplier<T> load) {
        try {
            return load.get();
        } catch (BundleException e) {
            String format = BundleFile.format(file);
            for (BundleOption other : BundleOption.values())
                if (other != to && other.format.equals(format))
                    throw new IllegalArgumentException(to.option + " " + file + " is a " + other.kind + ": pass it with "
                            + other.option + " (" + to.option + " takes a " + to.kind + ")", e);
            throw e;
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
            node = JsonLine.read(raw);
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
        if (t.length() > Scorer.MAX_TEXT)
            return Line.bad(number, "field 'text' is " + t.length() + " characters; the limit is " + Scorer.MAX_TEXT);
        String extra = StanceFields.check(node);
        if (extra != null) return Line.bad(number, extra);
        return new Line(number, id, t, null, node);
    }
}
