package org.parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.parley.corpus.Corpora;
import org.parley.corpus.ReplyExample;
import org.parley.corpus.StanceExample;
import org.parley.eval.Bootstrap;
import org.parley.eval.StanceReportWriter;
import org.parley.io.JsonLine;
import org.parley.io.Utf8Files;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;
import org.parley.stance.PairBaselines;
import org.parley.stance.PairPredictor;
import org.parley.stance.StanceBundle;
import org.parley.stance.StanceData;
import org.parley.stance.StanceEvaluator;
import org.parley.stance.StanceLimits;
import org.parley.stance.StanceModel;
import org.parley.stance.StanceTrainer;
import org.parley.text.BlankText;
import org.parley.text.TextPipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** scripts/evaluate --task stance: target stance F_avg / macro-F1 / accuracy and reply stance accuracy / macro-F1. */
@Command(name = "evaluate --task stance", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class, sortOptions = false,
        footer = {"", "Example: scripts/evaluate --task stance --file docs/seed-001-stance.jsonl"},
        description = {"Evaluates a stance bundle on the fixed dev splits (per corpus, per target, and on the targets",
                "held out of its training), or on a labelled JSON Lines file: {\"text\", \"target\", \"label\": FAVOR|AGAINST|NONE}",
                "or {\"text\", \"parent\", \"label\": SUPPORT|DENY|QUERY|COMMENT} per line.",
                "--baselines trains the majority-class and bag-of-words baselines on the same training split (also with",
                "--file, which they are then scored on), and gives the model's paired lead over each (versusBaselines:",
                "differences with 95%% bootstrap intervals; baselinesTrainedOn: the rows they learned from, a --sample",
                "bundle's sample; the target rows of a --target-from bundle, the kept target model's). A bundle with a",
                "wide or sentence part also gets each part of its target model reported alone (parley:networkOnly,",
                "parley:wideOnly, parley:sentenceOnly). --compare OLD scores a bundle before retraining on the same rows",
                "(the dev split of --model's held-out targets, or --file). JSON on stdout (or in --output FILE); under",
                "perClass, each gold class's precision, recall, F1 and counts by predicted class (what it is mistaken for),",
                "under interval95 each figure's 95%% percentile bootstrap interval (--resamples draws, seed " + Bootstrap.DEFAULT_SEED + ";",
                "a thread's replies, and the rows of one text, drawn together). With --file, targetsInTraining says of each",
                "of its targets whether the bundle was trained on it (seen, with its training rows) or not (unseen: read as",
                "a held-out target is), or that the bundle does not record its training targets (bundles trained before",
                "the forty-second session). --report DIR: report.html, each model's figures and intervals per corpus and",
                "target and its confusion matrices, and metrics.json."})
public final class EvaluateStanceCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final double DEFAULT_LINEAR_C = 1.0;

    @Option(names = "--model", paramLabel = "PATH", description = "stance bundle (default: the shipped ${DEFAULT-VALUE})")
    Path model = StanceBundle.shipped();

    @Option(names = "--data", paramLabel = "DIR", description = "training-data folder (default: the project's)")
    Path data;

    @Option(names = "--file", paramLabel = "FILE", description = "evaluate on this labelled JSON Lines file instead of the dev split")
    Path file;

    @Option(names = "--baselines", description = "also train and evaluate the majority and bag-of-words baselines")
    boolean baselines;

    @Option(names = "--baselines-only", description = "no model: baselines on the default split (--hold-out targets, all data)")
    boolean baselinesOnly;

    /** Null when not given: a bundle's held-out targets are those its provenance names. */
    @Option(names = "--hold-out", paramLabel = "TARGET", split = ",", description = "with --baselines-only: held-out targets (default: Hillary Clinton)")
    List<String> holdOut;

    @Option(names = "--compare", paramLabel = "OLD", description = "the bundle before retraining, scored on the same rows: its figures "
            + "(compare) and --model's lead over it (change: paired differences with 95%% bootstrap intervals)")
    Path compare;

    /** Null when not given, so that a --linear-c without baselines to read it is refused. */
    @Option(names = "--linear-c", description = "with --baselines or --baselines-only: inverse regularisation of the bag-of-words baseline (default: " + DEFAULT_LINEAR_C + ")")
    Double linearC;

    /** Not toxicity's runs/report: a stance run would replace the toxicity report a person is reading. */
    @Option(names = "--report", paramLabel = "DIR", description = "report folder (default: ${DEFAULT-VALUE}), " + EvaluateCommand.REPORT_FOLDER)
    Path report = Path.of("runs/stance-report");

    @Option(names = "--output", paramLabel = "FILE", description = "write the metrics JSON here instead of stdout")
    Path output;

    @Option(names = Cli.STRICT_PIPELINE, description = "refuse a bundle whose text pipeline may differ from the one it was trained with"
            + " (its recorded probe readings differ, or it has none) instead of saying so in the figures (textPipeline)")
    boolean strictPipeline;

    @Option(names = "--resamples", paramLabel = "N",
            description = "bootstrap draws (of threads and texts, whose rows go together) for the 95%% intervals of each figure (interval95, per corpus and target too)"
                    + " and of each paired difference (change, versusBaselines) (default: ${DEFAULT-VALUE}; 0: no intervals)")
    int resamples = Bootstrap.DEFAULT_RESAMPLES;

    public static void main(String[] args) {
        System.exit(Cli.execute(new EvaluateStanceCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        ObjectNode out = JSON.createObjectNode();
        checkOptions();
        List<String> heldOut = holdOut != null ? holdOut : StanceData.DEFAULT_HOLD_OUT;
        StanceData labelled = file != null ? fromFile(file) : null; // a bad line is refused before the bundle loads
        out.put("resamples", resamples); // the draws of each interval95
        StanceData split;
        StanceModel m = null;
        Predictors parley = null;
        if (baselinesOnly) {
            split = labelled != null ? labelled : corporaSplit(heldOut, null, 7);
        } else {
            m = stanceBundle("--model", model);
            split = labelled != null ? labelled : devSplit(m);
            parley = evaluateModel(out, m, split, labelled);
        }
        if (baselines || baselinesOnly) evaluateBaselines(out, m, split, parley, heldOut);
        Path html = StanceReportWriter.write(report, out, file != null ? file.toString() : "the dev split");
        System.err.println("report: " + html.toAbsolutePath());
        System.err.print(summary(out));
        String json = JSON.writeValueAsString(out);
        if (output != null) Cli.writeOutput(output, json + "\n");
        else System.out.println(json);
        return 0;
    }

    /**
     * Each model's headline figures, one line each on stderr, as the toxicity evaluation prints each model's mean ROC-AUC:
     * the JSON alone said them (a data scientist's sixth audit).
     */
    static String summary(ObjectNode out) {
        StringBuilder s = new StringBuilder();
        for (String name : List.of("parley", "compare", "majority", "bagOfWords")) {
            if (!out.path(name).isObject()) continue;
            List<String> figures = new ArrayList<>();
            JsonNode m = out.get(name);
            if (m.has("targetStanceDev")) figures.add(String.format(Locale.ROOT, "F_avg %.2f", m.at("/targetStanceDev/fAvg").asDouble()));
            if (m.has("targetStanceHeldOut"))
                figures.add(String.format(Locale.ROOT, "F_avg %.2f on held-out targets", m.at("/targetStanceHeldOut/fAvg").asDouble()));
            if (m.has("replyStanceDev"))
                figures.add(String.format(Locale.ROOT, "reply macro-F1 %.4f", m.at("/replyStanceDev/macroF1").asDouble()));
            s.append(String.format(Locale.ROOT, "%-16s %s%n", name.equals("compare") ? "--compare" : name, String.join(", ", figures)));
        }
        return s.toString();
    }

    /** Before the bundle and the scoring, not after them: the outputs, and options that nothing would read, refused, not ignored without a word. */
    private void checkOptions() throws IOException {
        EvaluateCommand.checkResamplesAndOutputs(resamples, output, report);
        if (compare != null && baselinesOnly) throw new IllegalArgumentException("--compare needs a model: leave out --baselines-only");
        if (holdOut != null && !baselinesOnly)
            throw new IllegalArgumentException("--hold-out is read only with --baselines-only: a bundle is measured on the targets its provenance holds out");
        if (linearC != null && !baselines && !baselinesOnly)
            throw new IllegalArgumentException("--linear-c is read only with --baselines or --baselines-only: it sets the bag-of-words baseline");
    }

    /** A bundle's target and reply models, each remembering what it predicted, so the paired comparisons read it again for nothing. */
    private record Predictors(PairPredictor target, PairPredictor reply) {}

    /**
     * The bundle's figures on {@code split} ("parley"), each part of its target model's alone, and with --compare the
     * older bundle's and the change; with a --file, which of its targets the bundle was trained on.
     */
    private Predictors evaluateModel(ObjectNode out, StanceModel m, StanceData split, StanceData labelled) {
        out.put("model", m.name() + " " + m.version());
        // Beside the figures, so that none is quoted without whether this checkout reads text as the bundle's training did.
        out.set("textPipeline", pipelineCheck(model, m).toJson());
        // The dev split keeps unseen targets apart (targetStanceHeldOut); a file's are said here.
        if (labelled != null && !labelled.dev().isEmpty()) {
            ObjectNode seen = StanceEvaluator.targetsInTraining(m, labelled.dev());
            out.set("targetsInTraining", seen);
            System.err.println("targets in training: " + seenLine(seen));
        }
        PairPredictor modelTarget = StanceEvaluator.targetPredictor(m).remembering();
        PairPredictor modelReply = StanceEvaluator.replyPredictor(m).remembering();
        out.set("parley", StanceTrainer.evaluate(modelTarget, modelReply, split, resamples));
        StanceData targetOnly = new StanceData(List.of(), split.dev(), split.heldOut(), List.of(), List.of());
        StanceEvaluator.targetParts(m).forEach((part, p) ->
                out.set("parley:" + part + "Only", StanceTrainer.evaluate(p, (t, c) -> new int[t.size()], targetOnly, resamples)));
        if (compare != null) {
            StanceModel old = stanceBundle("--compare", compare);
            PairPredictor oldTarget = StanceEvaluator.targetPredictor(old).remembering();
            PairPredictor oldReply = StanceEvaluator.replyPredictor(old).remembering();
            out.put("compared", old.name() + " " + old.version());
            out.set("comparedTextPipeline", pipelineCheck(compare, old).toJson());
            out.set("compare", StanceTrainer.evaluate(oldTarget, oldReply, split, resamples));
            out.set("change", StanceEvaluator.versus(modelTarget, modelReply, oldTarget, oldReply, split, resamples));
        }
        return new Predictors(modelTarget, modelReply);
    }

    /**
     * The majority and bag-of-words baselines' figures on {@code split}, trained on the rows they learn from
     * (baselinesTrainedOn), and the bundle's lead over each where there is a bundle ({@code parley} not null).
     */
    private void evaluateBaselines(ObjectNode out, StanceModel m, StanceData split, Predictors parley, List<String> heldOut)
            throws IOException {
        double cLinear = linearC != null ? linearC : DEFAULT_LINEAR_C;
        // Trained on the corpora's training split, as the model was (its sample too), whatever they are scored on.
        StanceData training = m != null ? trainingSplit(m, file == null ? split : null)
                : file == null ? split : corporaSplit(heldOut, null, 7);
        out.set("baselinesTrainedOn", trainedOn(m, training));
        int[] stanceLabels = training.train().stream().mapToInt(e -> e.label().ordinal()).toArray();
        int[] replyLabels = training.replyTrain().stream().mapToInt(e -> e.label().ordinal()).toArray();
        out.set("majority", StanceTrainer.evaluate(PairBaselines.majority(stanceLabels), PairBaselines.majority(replyLabels), split, resamples));
        System.err.println("training the bag-of-words baselines...");
        PairPredictor target = PairBaselines.linear(training.train().stream().map(StanceExample::text).toList(),
                training.train().stream().map(StanceExample::target).toList(), stanceLabels, cLinear);
        PairPredictor reply = PairBaselines.linear(training.replyTrain().stream().map(ReplyExample::text).toList(),
                training.replyTrain().stream().map(ReplyExample::parent).toList(), replyLabels, cLinear);
        out.set("bagOfWords", StanceTrainer.evaluate(target, reply, split, resamples));
        if (parley != null) {
            ObjectNode versus = out.putObject("versusBaselines");
            versus.set("majority", StanceEvaluator.versus(parley.target(), parley.reply(),
                    PairBaselines.majority(stanceLabels), PairBaselines.majority(replyLabels), split, resamples));
            versus.set("bagOfWords", StanceEvaluator.versus(parley.target(), parley.reply(), target, reply, split, resamples));
        }
    }

    /** "Atheism seen (N training rows); fireworks unseen", or the note of a bundle without the record. */
    private static String seenLine(JsonNode seen) {
        if (!seen.path("recorded").asBoolean()) return seen.path("note").asText();
        List<String> each = new ArrayList<>();
        seen.path("targets").fields().forEachRemaining(t -> each.add(t.getKey() + (t.getValue().path("seen").asBoolean()
                ? String.format(Locale.ROOT, " seen (%,d training rows)", t.getValue().path("trainingRows").asInt()) : " unseen")));
        return String.join("; ", each);
    }

    /** The bundle's text-pipeline check, said (or, with --strict-pipeline, refused): {@link Cli#pipelineSaid}. */
    private org.parley.model.PipelineCheck pipelineCheck(Path file, StanceModel bundle) {
        return Cli.pipelineSaid(file, bundle.provenance(), false, strictPipeline);
    }

    /** The stance bundle given to {@code option}; a toxicity bundle is pointed to scripts/evaluate without --task stance. */
    private static StanceModel stanceBundle(String option, Path file) {
        return Cli.loadBundle(file, () -> StanceBundle.load(file, TextPipeline.standard()), org.parley.model.ModelBundle.FORMAT,
                option + " " + file + " is a toxicity bundle: evaluate it with scripts/evaluate, without --task stance"
                        + (option.equals("--compare") ? " (--compare takes a stance bundle, as --model does here)" : ""));
    }

    /**
     * The fixed dev splits with the bundle's held-out targets: all of them, also for a bundle
     * trained on a --sample, so its figures compare with every other bundle's (as for toxicity).
     */
    private StanceData devSplit(StanceModel m) throws IOException {
        return corporaSplit(m.heldOutTargets(), null, m.provenance().path("seed").asLong(7));
    }

    /**
     * The training split the bundle learned from: for a --sample bundle, the same sample (its seed),
     * whose rows are kept clear of the whole dev split; else the full one ({@code full} when read).
     * A bundle that kept its target model from another (--target-from) learned its target rows with
     * that model's sample and seed, which its {@code targetModel} records, and its reply rows with its own.
     */
    private StanceData trainingSplit(StanceModel m, StanceData full) throws IOException {
        StanceData own = learnedFrom(m.provenance(), m, full);
        JsonNode kept = m.provenance().path("targetModel");
        if (!kept.isObject()) return own;
        StanceData target = learnedFrom(kept, m, full);
        return new StanceData(target.train(), own.dev(), own.heldOut(), own.replyTrain(), own.replyDev());
    }

    /** The rows a training run with this provenance ({@code samplePerCorpus}, {@code seed}) learned from. */
    private StanceData learnedFrom(JsonNode provenance, StanceModel m, StanceData full) throws IOException {
        JsonNode sample = provenance.path("samplePerCorpus");
        if (!sample.canConvertToInt()) return full != null ? full : devSplit(m);
        return corporaSplit(m.heldOutTargets(), sample.asInt(), provenance.path("seed").asLong(7));
    }

    /** What the baselines learned from, as scripts/evaluate's baselinesTrainedOn says it for toxicity. */
    private ObjectNode trainedOn(StanceModel m, StanceData training) {
        ObjectNode on = JSON.createObjectNode();
        JsonNode p = m != null ? m.provenance() : JSON.createObjectNode();
        if (p.path("samplePerCorpus").canConvertToInt()) on.put("samplePerCorpus", p.get("samplePerCorpus").asInt());
        on.put("seed", m != null ? p.path("seed").asLong(7) : 7);
        JsonNode kept = p.path("targetModel");
        if (kept.isObject()) { // the target rows are those of the kept target model's run
            ObjectNode target = on.putObject("targetModel");
            if (kept.path("samplePerCorpus").canConvertToInt()) target.put("samplePerCorpus", kept.get("samplePerCorpus").asInt());
            target.put("seed", kept.path("seed").asLong(7));
        }
        on.put("targetRows", training.train().size());
        on.put("replyRows", training.replyTrain().size());
        return on;
    }

    /** The fixed splits of the corpora under --data (default: the project's), these targets held out; {@code sample}: null for all rows. */
    private StanceData corporaSplit(List<String> heldOut, Integer sample, long seed) throws IOException {
        return StanceData.load(data != null ? data : Corpora.defaultRoot(), heldOut, sample, seed);
    }

    /** The line's label, or an error naming what the line's kind of stance takes (a reply label on a target line). */
    private static <E extends Enum<E>> E label(Class<E> labels, JsonNode line, String kind, String where) {
        String accepted = Arrays.stream(labels.getEnumConstants()).map(Enum::name)
                .collect(Collectors.joining(", "));
        JsonNode label = line.get("label");
        if (label == null || label.isNull() || label.asText().isBlank())
            throw new IllegalArgumentException(where + "field 'label' is missing; a line with '" + kind + "' takes " + accepted);
        for (E e : labels.getEnumConstants()) if (e.name().equals(label.asText().strip().toUpperCase(Locale.ROOT))) return e;
        throw new IllegalArgumentException(where + "unknown label '" + label.asText() + "'; a line with '" + kind + "' takes " + accepted);
    }

    /** Runs a check, its message prefixed with the file and line. */
    private static void checked(String where, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + e.getMessage());
        }
    }

    /**
     * A labelled file's lines; a line that repeats an earlier one (its text, target or parent, and label) is counted once,
     * as the toxicity evaluation counts a text once, and said: it was counted again without a word (a data scientist's
     * sixth audit: F_avg 63.1 became 61.4 for one line pasted twice). One that gives them another label is kept, and said.
     */
    static StanceData fromFile(Path file) throws IOException {
        List<StanceExample> stance = new ArrayList<>();
        List<ReplyExample> replies = new ArrayList<>();
        Map<List<String>, String> labelOf = new HashMap<>();
        int repeats = 0, disagreements = 0;
        List<String> lines = Utf8Files.lines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String where = file + " line " + (i + 1) + ": ";
            JsonNode n;
            try {
                n = JsonLine.read(lines.get(i));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(where + "invalid JSON: " + e.getOriginalMessage());
            }
            if (!n.isObject()) throw new IllegalArgumentException(where + "expected a JSON object");
            String text = n.path("text").asText("");
            // Nothing visible (a zero-width space) is empty, as the scorer and the service read it.
            if (BlankText.is(text)) throw new IllegalArgumentException(where + "field 'text' is missing or empty");
            if (n.hasNonNull("target")) {
                // One target per labelled line, held to the limits the scorer applies.
                if (!n.get("target").isTextual()) throw new IllegalArgumentException(where + "field 'target' must be one string");
                String target = n.get("target").asText();
                checked(where, () -> StanceLimits.checkTargets(List.of(target)));
                Stance label = label(Stance.class, n, "target", where);
                String before = labelOf.putIfAbsent(List.of("target", text, target), label.name());
                if (label.name().equals(before)) { repeats++; continue; }
                if (before != null) disagreements++;
                stance.add(new StanceExample(StanceEvaluator.FILE_SOURCE, "" + (i + 1), text, target, label));
            } else if (n.hasNonNull("parent")) {
                if (!n.get("parent").isTextual()) throw new IllegalArgumentException(where + "field 'parent' must be a string");
                String parent = n.get("parent").asText();
                checked(where, () -> StanceLimits.checkParent(parent));
                ReplyStance label = label(ReplyStance.class, n, "parent", where);
                String before = labelOf.putIfAbsent(List.of("parent", text, parent), label.name());
                if (label.name().equals(before)) { repeats++; continue; }
                if (before != null) disagreements++;
                replies.add(new ReplyExample(StanceEvaluator.FILE_SOURCE, "" + (i + 1), "", text, parent, label));
            } else throw new IllegalArgumentException(where + "needs 'target' (target stance) or 'parent' (reply stance)");
        }
        if (stance.isEmpty() && replies.isEmpty()) throw new IllegalArgumentException(file + ": no labelled examples to evaluate");
        if (repeats > 0)
            System.err.printf("(%s: %d %s an earlier line's text, target or parent, and label: counted once)%n", file, repeats,
                    repeats == 1 ? "line repeats" : "lines repeat");
        if (disagreements > 0)
            System.err.printf("(%s: %d %s an earlier line's text and target or parent another label: each is counted)%n", file,
                    disagreements, disagreements == 1 ? "line gives" : "lines give");
        return new StanceData(List.of(), stance, List.of(), List.of(), replies);
    }
}
