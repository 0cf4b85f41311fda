package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.baseline.FastTextBaseline;
import org.parley.baseline.LinearBaseline;
import org.parley.corpus.Corpora;
import org.parley.corpus.Deduplicator;
import org.parley.corpus.DevSplit;
import org.parley.corpus.Example;
import org.parley.corpus.LabelledFile;
import org.parley.eval.Bootstrap;
import org.parley.eval.Comparison;
import org.parley.eval.Evaluation;
import org.parley.eval.PolicyOutcomes;
import org.parley.eval.ReportWriter;
import org.parley.eval.RocAucBootstrap;
import org.parley.eval.RocAucChange;
import org.parley.model.Bundles;
import org.parley.model.ModelBundle;
import org.parley.model.PipelineCheck;
import org.parley.model.Spread;
import org.parley.model.ToxicityModel;
import org.parley.policy.Policy;
import org.parley.score.Scorer;
import org.parley.score.SentenceScores;
import org.parley.text.Language;
import org.parley.text.TextPipeline;
import org.parley.text.Token;
import org.parley.train.IncludedFiles;
import org.parley.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** scripts/evaluate: per-attribute ROC-AUC and PR-AUC of a bundle, optionally beside baselines, with a report. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class, sortOptions = false,
        footer = {"", "Example: scripts/evaluate --model runs/toxicity.zip --baselines linear,fasttext"},
        description = {"Scores labelled data with a model bundle and reports ROC-AUC and PR-AUC per attribute and",
                "per source (JSON on stdout), plus an HTML report with ROC curves (PNG).",
                "Default data: the dev split of every toxicity corpus in training-data/, or of those a --corpus bundle",
                "was trained on.",
                "--baselines trains the baselines on the rows the bundle's network learned from, made again from its",
                "provenance (corpora, sample, seed, identity copies, short texts, --repeat, and the --include-decisions files",
                "where they are still at their recorded paths, else said) and reports them side by side (on --split dev or",
                "a --file).",
                "--split follows the bundle's dev part (scripts/train --dev-part; the shipped part when it records none).",
                "--compare OLD shows what retraining changed: ROC-AUC of OLD and --model per attribute, and the difference.",
                "Identity bias: per identity term (gay, Muslim, …) the subgroup, BPSN and BNSP ROC-AUC of TOXICITY",
                "(Borkan et al. 2019) and the mean score of neutral identity sentences (table on stderr, or stdout with",
                "--compare; \"identityBias\" in the JSON).",
                "scripts/evaluate --task stance evaluates the stance bundle instead: F_avg, macro-F1 and accuracy",
                "(options: scripts/evaluate --task stance --help)."})
public final class EvaluateCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Split { dev, train, all }

    enum Baseline { linear, fasttext }

    @Option(names = "--model", paramLabel = "PATH", description = "model bundle (default: the shipped ${DEFAULT-VALUE})")
    Path model = Bundles.shipped();

    @Option(names = "--data", paramLabel = "DIR", description = "training-data folder (default: the project's)")
    Path data;

    @Option(names = "--corpus", paramLabel = "NAME", split = ",", description = "evaluate on these corpora (default: all toxicity corpora)")
    List<String> corpora;

    @Option(names = "--file", paramLabel = "FILE", description = "evaluate on a labelled JSON Lines file (docs/labelled-data-format.md) instead of corpora (with --compare, after the dev split's corpora); repeatable: of lines that say when their decision was made, the latest per comment across the files, as scripts/train --include-decisions reads them")
    List<Path> files;

    @Option(names = "--split", description = "which part of the corpora: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; --file is always used whole)")
    Split split = Split.dev;

    @Option(names = "--baselines", split = ",", paramLabel = "NAME", description = "also train and report: ${COMPLETION-CANDIDATES}")
    List<Baseline> baselines = List.of();

    /** Null when not given, so that a --linear-c with no linear baseline to read it is refused, as --task stance refuses it. */
    @Option(names = "--linear-c", paramLabel = "C", description = "with --baselines linear: the linear baseline's inverse L2 strength, above 0 (default: "
            + LinearBaseline.Options.DEFAULT_C + ")")
    Double linearC;

    @Option(names = "--compare", paramLabel = "PATH",
            description = "the bundle before retraining: prints per-attribute ROC-AUC of both models and the change, on the corpora's split (default dev) and on each --file, as tables on stdout and in the report")
    Path compare;

    @Option(names = "--identity-sentences", paramLabel = "FILE",
            description = "neutral sentences that mention identities, {\"id\",\"text\"} per line (ids \"ctrl-…\" are abusive controls, left out); their mean score is reported beside the per-identity AUCs (default: docs/identity-sentences.jsonl)")
    Path identitySentences = IdentityReport.defaultSentences();

    @Option(names = "--resamples", paramLabel = "N",
            description = "bootstrap draws for the 95%% intervals of the model's ROC-AUCs and of each difference, the model against each baseline or --model against --compare (paired; default: ${DEFAULT-VALUE}; 0: no intervals)")
    int resamples = Bootstrap.DEFAULT_RESAMPLES;

    @Option(names = "--report", paramLabel = "DIR", description = "report folder (default: ${DEFAULT-VALUE}), " + REPORT_FOLDER)
    Path report = Path.of("runs/report");

    /** --report's help, the stance command's too. */
    static final String REPORT_FOLDER = "replaced whole (written beside it, then renamed into place: a failure leaves the last"
            + " report as it was); a folder holding other files than a report's is refused, never written into";

    @Option(names = "--output", paramLabel = "FILE", description = "write the metrics JSON here instead of stdout")
    Path output;

    @Option(names = Cli.STRICT_PIPELINE, description = "refuse a bundle whose text pipeline may differ from the one it was trained with"
            + " (its recorded probe readings differ, or it has none) instead of saying so in the figures (textPipeline)")
    boolean strictPipeline;

    /** The --model bundle's dev part, which --split and the baselines' training rows follow. */
    private int devPart = DevSplit.SHIPPED_PART;

    public static void main(String[] args) {
        System.exit(Cli.execute(new EvaluateCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        Path root = data != null ? data : Corpora.defaultRoot();
        checkBeforeTheWork();
        if (compare != null) return compare(root);
        ModelBundle bundle = toxicityBundle("--model", model); // a bad bundle is refused before the corpora are read
        PipelineCheck pipelineCheck = pipelineCheck(model, bundle);
        devPart = devPart(bundle);
        if (corpora == null && files == null && (corpora = trainedCorpora(bundle)) != null)
            System.err.printf("evaluating on the corpora the bundle was trained on: %s (--corpus to choose others)%n", String.join(", ", corpora));
        if (split == Split.train && files == null && bundle.provenance().hasNonNull("samplePerCorpus"))
            System.err.printf("(--split train reads the whole training split: the bundle learned from a sample of %d rows a corpus"
                    + " of it, so most of these rows are new to it)%n", bundle.provenance().get("samplePerCorpus").asInt());
        List<Example> examples = evaluationData(root);
        if (examples.isEmpty()) throw new IllegalArgumentException("no labelled examples to evaluate in " + evaluationName());
        bothClasses(examples, evaluationName());
        System.err.printf("evaluating on %d examples%n", examples.size());

        ModelRun run = scoreModel(bundle, examples);
        List<Evaluation> evaluations = new ArrayList<>();
        evaluations.add(Evaluation.of(run.scorer().name(), examples, run.scores()));
        List<RocAucBootstrap.Result> versus = new ArrayList<>();
        ObjectNode trainedOn = null;
        if (!baselines.isEmpty()) {
            trainedOn = trainedOn(bundle);
            List<Example> train = baselineRows(root, bundle.provenance(), trainedOn);
            for (Baseline b : baselines) {
                System.err.printf("training baseline %s on %d examples%n", b, train.size());
                Scored baseline = scoreBaseline(b, train, examples);
                evaluations.add(Evaluation.of(baseline.name(), examples, baseline.scores()));
                if (resamples > 0) versus.add(RocAucBootstrap.of(run.scorer().name(), run.scores(), baseline.name(),
                        baseline.scores(), examples, resamples, Bootstrap.DEFAULT_SEED));
            }
        }
        List<RocAucBootstrap.Result> intervals = new ArrayList<>();
        if (run.interval() != null) intervals.add(run.interval());
        intervals.addAll(versus);
        ObjectNode identity = identity(model, bundle);
        Path html = ReportWriter.write(report, Comparison.of(evaluations), intervals, List.of(pipelineCheck.message()),
                List.of("Bundle: " + said(identity)));
        System.err.println("report: " + html.toAbsolutePath());
        print(evaluations, run, pipelineCheck, versus, trainedOn, identity);
        return 0;
    }

    /**
     * Which bundle the figures are of: its path, version and SHA-256. Two runs of scripts/train to the default
     * runs/toxicity.zip gave reports that could not be told apart, both "parley-toxicity" (a data scientist's sixth audit).
     */
    static ObjectNode identity(Path file, ModelBundle bundle) {
        return JSON.createObjectNode().put("path", file.toString()).put("version", bundle.version()).put("sha256", bundle.checksum());
    }

    /** {@link #identity} as the report says it. */
    private static String said(JsonNode identity) {
        return identity.get("path").asText() + ", version " + identity.get("version").asText() + ", SHA-256 " + identity.get("sha256").asText() + ".";
    }

    /**
     * ROC-AUC needs both classes: an attribute labelled with one alone has none (a dash in the report), and data in
     * which no attribute has both gave a mean ROC-AUC of NaN, unexplained (a data scientist's fifth audit: a file of toxic
     * lines, or --corpus identity_neutral, whose every row is clean). Said on stderr; the run goes on, as the other
     * figures hold (identity_neutral is read for its false positives).
     */
    static void bothClasses(List<Example> examples, String name) {
        List<String> oneClass = org.parley.train.Trainer.oneClass(examples);
        if (!org.parley.train.Trainer.measurable(examples)) System.err.println(name + " has no attribute labelled with both a positive and a negative example, so no"
                + " ROC-AUC can be measured (the mean is NaN; the other figures hold): " + String.join("; ", oneClass));
        else if (!oneClass.isEmpty()) System.err.println("no ROC-AUC for an attribute of one class: " + String.join("; ", oneClass));
    }

    /** Options that cannot work together, and the outputs and sentences, refused before the scoring and the baselines' minutes, not after them. */
    private void checkBeforeTheWork() throws IOException {
        checkResamplesAndOutputs(resamples, output, report);
        // Refused after the baselines' training, or unread, until a data scientist's sixth audit.
        if (linearC != null && !baselines.contains(Baseline.linear))
            throw new IllegalArgumentException("--linear-c is read only with --baselines linear: it sets the linear baseline");
        if (linearC != null && !(linearC > 0)) throw new IllegalArgumentException("--linear-c must be above 0, was " + linearC);
        if (new java.util.HashSet<>(baselines).size() < baselines.size())
            throw new IllegalArgumentException("--baselines names one twice: " + baselines);
        // --file is scored instead of corpora (--compare reads both): a --corpus beside it was dropped without a word (a data
        // scientist's fifth audit).
        if (files != null && corpora != null && compare == null)
            throw new IllegalArgumentException("--file and --corpus do not mix: --file is scored instead of corpora; run each on its own");
        // The default file may be absent outside a checkout; one that was asked for must be there.
        if (identitySentences != null && !identitySentences.equals(IdentityReport.defaultSentences()) && !java.nio.file.Files.exists(identitySentences))
            throw new java.nio.file.NoSuchFileException(identitySentences.toString());
        // A bad line is refused now, not once the rows are scored.
        if (identitySentences != null && java.nio.file.Files.exists(identitySentences)) IdentityReport.neutralTexts(identitySentences);
        if (!baselines.isEmpty() && compare != null)
            throw new IllegalArgumentException("--baselines and --compare do not mix: compare the two bundles, then run --baselines with the one you keep");
        // The baselines learn from the training split: scored on it, they would read their own training rows.
        if (!baselines.isEmpty() && files == null && split != Split.dev)
            throw new IllegalArgumentException("--baselines are trained on the training split, so they are scored on --split dev (or a --file), not --split " + split);
    }

    /**
     * What both evaluate commands refuse first: a negative --resamples, an --output or --report that cannot be written,
     * a --report folder holding files a report does not (it is replaced whole: they would be deleted), and an --output
     * inside it (the next run would find it there, or replace it).
     */
    static void checkResamplesAndOutputs(int resamples, Path output, Path report) throws IOException {
        if (resamples < 0) throw new IllegalArgumentException("--resamples must be 0 (no intervals) or more, was " + resamples);
        Cli.checkOutputFile("--output", output, "metrics.json");
        Cli.checkOutputFolder("--report", report);
        org.parley.eval.ReportFolder.check("--report", report);
        if (output != null && output.toAbsolutePath().normalize().startsWith(report.toAbsolutePath().normalize()))
            throw new IllegalArgumentException("--output " + output + " is inside --report " + report
                    + ", a folder replaced whole by each run: write it outside the report folder");
    }

    /**
     * The bundle's scores of the rows and what is measured on them beside the ROC-AUCs: identity bias, the policy's
     * outcomes, and (with --resamples) the ROC-AUCs' intervals (null: none).
     */
    private record ModelRun(ToxicityModel scorer, float[][] scores, IdentityReport identity, PolicyOutcomes policy,
                            RocAucBootstrap.Result interval) {}

    private ModelRun scoreModel(ModelBundle bundle, List<Example> examples) throws IOException {
        TextPipeline pipeline = TextPipeline.standard();
        ToxicityModel scorer = new ToxicityModel(bundle, pipeline, 1);
        List<String> texts = texts(examples);
        // Tokenised once, for the scores and for the sentences the policy reads alone.
        List<List<Token>> tokens = Spread.stream(texts, ToxicityModel.PARALLEL).map(pipeline::tokenize).toList();
        float[][] scores = scorer.score(texts, pipeline, tokens);
        IdentityReport identity = IdentityReport.of(examples, scores, scorer, identitySentences);
        Language language = Language.standard();
        PolicyOutcomes policy = PolicyOutcomes.of(Policy.standard(), examples, scores,
                examples.stream().map(e -> language.likelyForeign(e.text()).map(Language.Guess::language).orElse(null)).toList(),
                i -> SentenceScores.pieces(scorer, pipeline, texts.get(i), tokens.get(i)));
        RocAucBootstrap.Result own = resamples > 0
                ? RocAucBootstrap.of(scorer.name(), scores, examples, resamples, Bootstrap.DEFAULT_SEED) : null;
        return new ModelRun(scorer, scores, identity, policy, own);
    }

    /**
     * The metrics JSON (the bundle's, with what {@code run} measured and the baselines' comparisons, then each
     * baseline's) on stdout or to --output, and the tables on stderr.
     */
    private void print(List<Evaluation> evaluations, ModelRun run, PipelineCheck pipelineCheck, List<RocAucBootstrap.Result> versus,
                       ObjectNode trainedOn, ObjectNode bundle) throws IOException {
        ArrayNode json = JSON.createArrayNode();
        for (Evaluation e : evaluations) json.add(JSON.readTree(e.toJson()));
        ((ObjectNode) json.get(0)).set("bundle", bundle);
        ((ObjectNode) json.get(0)).set("identityBias", run.identity().toJson());
        // Beside the figures, so that none is quoted without whether this checkout reads text as the bundle's training did.
        ((ObjectNode) json.get(0)).set("textPipeline", pipelineCheck.toJson());
        ((ObjectNode) json.get(0)).set("policy", JSON.valueToTree(run.policy()));
        if (run.interval() != null) ((ObjectNode) json.get(0)).set("interval95", JSON.valueToTree(run.interval()));
        if (!versus.isEmpty()) ((ObjectNode) json.get(0)).set("versusBaselines", JSON.valueToTree(versus));
        if (trainedOn != null) ((ObjectNode) json.get(0)).set("baselinesTrainedOn", trainedOn);
        String out = JSON.writeValueAsString(evaluations.size() == 1 ? json.get(0) : json);
        if (output != null) Cli.writeOutput(output, out + "\n");
        else System.out.println(out);
        for (Evaluation e : evaluations) System.err.printf("%-16s mean ROC-AUC %.4f%n", e.model(), e.meanRocAuc());
        if (run.interval() != null) System.err.print(RocAucBootstrap.table(run.interval()));
        for (RocAucBootstrap.Result r : versus) System.err.print(RocAucBootstrap.table(r));
        System.err.print(IdentityReport.table(evaluationName(), null, run.identity()));
        System.err.print(run.policy().table(evaluationName()));
    }

    /**
     * --compare: both bundles on the same rows, a before/after table per data set; the report
     * shows each side by side, the corpora's split first, then each --file.
     */
    private int compare(Path root) throws IOException {
        if (compare.toAbsolutePath().normalize().equals(model.toAbsolutePath().normalize()))
            throw new IllegalArgumentException("--compare names the same bundle as --model: " + model);
        ModelBundle beforeBundle = toxicityBundle("--compare", compare), afterBundle = toxicityBundle("--model", model);
        PipelineCheck beforeCheck = pipelineCheck(compare, beforeBundle), afterCheck = pipelineCheck(model, afterBundle);
        ObjectNode pipelines = JSON.createObjectNode();
        pipelines.set("before", beforeCheck.toJson());
        pipelines.set("after", afterCheck.toJson());
        ObjectNode bundles = JSON.createObjectNode();
        bundles.set("before", identity(compare, beforeBundle));
        bundles.set("after", identity(model, afterBundle));
        devPart = devPart(afterBundle);
        int beforePart = devPart(beforeBundle);
        // On another part's dev rows one of the two would be read on its own training rows: with --file, on those alone
        // (until the seventieth session the split's table was printed all the same, a data scientist's sixth audit).
        boolean splitComparable = beforePart == devPart;
        if (!splitComparable && files == null)
            throw new IllegalArgumentException("--compare " + compare + " was trained with --dev-part " + beforePart
                    + " and --model " + model + " with " + devPart + ": their dev splits differ; compare bundles of one part");
        if (!splitComparable)
            System.err.printf("(--compare was trained with --dev-part %d and --model with %d: their dev splits differ, so they are"
                    + " compared on the --file data alone)%n", beforePart, devPart);
        // As a bundle alone is evaluated on the corpora it was trained on: every corpus's dev split read such bundles on
        // attributes none of their rows label (until the seventieth session, a data scientist's sixth audit).
        if (corpora == null && splitComparable && (corpora = comparedCorpora(beforeBundle, afterBundle)) != null)
            System.err.printf("comparing on the corpora the bundles were trained on: %s (--corpus to choose others)%n", String.join(", ", corpora));
        ToxicityModel before = new ToxicityModel(beforeBundle, TextPipeline.standard(), 1);
        ToxicityModel after = new ToxicityModel(afterBundle, TextPipeline.standard(), 1);
        Map<String, List<Example>> sets = new LinkedHashMap<>();
        Map<String, List<Example>> labelled = labelledFiles(); // a bad or empty file is refused before any scoring
        if (splitComparable) sets.put(split + " split", corpusData(root));
        labelled.forEach((name, rows) -> sets.put(name, oneRowPerText(name, rows)));
        for (var set : sets.entrySet()) // a file of even splits alone is empty once merged: refused before any scoring
            if (set.getValue().isEmpty()) throw new IllegalArgumentException("no labelled examples in " + set.getKey());

        ArrayNode json = JSON.createArrayNode();
        boolean first = true;
        Comparison shown = null;
        List<RocAucBootstrap.Result> shownChange = List.of();
        List<ReportWriter.Section> sections = new ArrayList<>();
        for (var set : sets.entrySet()) {
            System.err.printf("evaluating both models on %s: %d examples%n", set.getKey(), set.getValue().size());
            // Named by path: a retrained bundle usually has the same model name as the one it replaces.
            List<String> texts = texts(set.getValue());
            float[][] beforeScores = before.score(texts), afterScores = after.score(texts);
            Evaluation b = Evaluation.of(compare.toString(), set.getValue(), beforeScores);
            Evaluation a = Evaluation.of(model.toString(), set.getValue(), afterScores);
            RocAucBootstrap.Result change = resamples > 0 ? RocAucBootstrap.of(a.model(), afterScores, b.model(),
                    beforeScores, set.getValue(), resamples, Bootstrap.DEFAULT_SEED) : null;
            if (first) System.out.println("text pipeline, before: " + beforeCheck.message() + "\ntext pipeline, after: " + afterCheck.message());
            System.out.println(RocAucChange.of(set.getKey(), b, a).table(change));
            IdentityReport ib = IdentityReport.of(set.getValue(), beforeScores, before, identitySentences);
            IdentityReport ia = IdentityReport.of(set.getValue(), afterScores, after, identitySentences);
            System.out.println(IdentityReport.table(set.getKey(), ib, ia));
            ObjectNode identity = JSON.createObjectNode();
            identity.set("before", ib.toJson());
            identity.set("after", ia.toJson());
            ObjectNode node = json.addObject().put("data", set.getKey())
                    .<ObjectNode>set("before", JSON.readTree(b.toJson())).<ObjectNode>set("after", JSON.readTree(a.toJson()))
                    .<ObjectNode>set("identityBias", identity).<ObjectNode>set("textPipeline", pipelines).set("bundles", bundles);
            if (change != null) node.set("change", JSON.valueToTree(change));
            List<RocAucBootstrap.Result> intervals = change == null ? List.of() : List.of(change);
            if (first) {
                shown = Comparison.of(a, b);
                shownChange = intervals;
            } else {
                sections.add(new ReportWriter.Section(set.getKey(), fileRows(set.getKey(), labelled, sets), Comparison.of(a, b), intervals));
            }
            first = false;
        }
        System.err.println("report: " + ReportWriter.write(report, shown, shownChange,
                List.of("before: " + beforeCheck.message(), "after: " + afterCheck.message()),
                List.of(shown(sets), "Before: " + said(bundles.get("before")), "After: " + said(bundles.get("after"))), sections).toAbsolutePath());
        if (output != null) Cli.writeOutput(output, JSON.writeValueAsString(json) + "\n");
        return 0;
    }

    /**
     * What a --compare report's rows are: the corpora's split, then each --file in a part of its own. A data scientist's
     * fourth audit read a page of the split alone as the --file comparison (the one the retraining loop runs it for).
     */
    private static String shown(Map<String, List<Example>> sets) {
        List<String> names = new ArrayList<>(sets.keySet());
        String shown = "Data: the " + names.get(0) + " (" + sets.get(names.get(0)).size() + " rows).";
        if (names.size() == 1) return shown;
        List<String> rest = names.subList(1, names.size()).stream().map(n -> n + " (" + sets.get(n).size() + " rows)").toList();
        return shown + " Below it, each in a part of its own: the comparison on " + String.join(", ", rest) + ".";
    }

    /** A --file's rows in its part of the report: the labelled lines that stand, and the rows they are once merged by text. */
    static String fileRows(String name, Map<String, List<Example>> labelled, Map<String, List<Example>> sets) {
        // Locale.ROOT: the report's sentence, not the JVM locale's (Arabic-Indic digits under ar_EG, forty-eighth session).
        return String.format(java.util.Locale.ROOT, "Rows: %d, one per text, from the file's %d labelled lines that stand (the latest decision per comment). "
                + "A file the model was trained on shows its fit, not how it generalises.", sets.get(name).size(), labelled.get(name).size());
    }

    /**
     * The corpora a bundle trained with --corpus learned from, which its evaluation reads when no --corpus is given, as
     * its baselines learn from them ({@link #trainedNames}); null (every corpus) for a bundle of all of them or of no
     * record. On every corpus's dev split, such a bundle was scored on attributes none of its rows label (a data
     * scientist's audit, sixty-third session: the network 0.46 on PROFANITY, which ethos and convabuse do not label, and
     * the baselines, which give such an attribute no score, a mean of NaN and no lead).
     */
    static List<String> trainedCorpora(ModelBundle bundle) {
        List<String> names = trainedNames(bundle);
        return names.isEmpty() || names.size() == Corpora.toxicityNames().size() ? null : names;
    }

    /** The corpora either bundle was trained on, as {@link #trainedCorpora} reads one bundle's; null: every corpus. */
    static List<String> comparedCorpora(ModelBundle before, ModelBundle after) {
        List<String> b = trainedCorpora(before), a = trainedCorpora(after);
        if (a == null || b == null) return null;
        return Corpora.toxicityNames().stream().filter(n -> a.contains(n) || b.contains(n)).toList();
    }

    /** The toxicity corpora the bundle's provenance records rows of; every one where it has no record (not made by scripts/train). */
    private static List<String> trainedNames(ModelBundle bundle) {
        JsonNode p = bundle.provenance();
        return Corpora.toxicityNames().stream().filter(name -> !p.has("corpora") || p.get("corpora").has(name)).toList();
    }

    /**
     * The corpora, sample and seed the bundle was trained with, as its provenance records them: the
     * baselines learn from the same rows' training split, so a --corpus model is not set against
     * baselines that saw more data. A bundle without the record (not made by scripts/train) gets all
     * corpora.
     */
    private static ObjectNode trainedOn(ModelBundle bundle) {
        JsonNode p = bundle.provenance();
        ObjectNode out = JSON.createObjectNode();
        ArrayNode corpora = out.putArray("corpora");
        trainedNames(bundle).forEach(corpora::add);
        if (p.hasNonNull("samplePerCorpus")) out.put("samplePerCorpus", p.get("samplePerCorpus").asInt());
        out.put("seed", p.hasNonNull("seed") ? p.get("seed").asLong() : TrainingOptions.defaults().seed());
        out.put("devPart", devPart(bundle));
        return out;
    }

    /**
     * The rows the bundle's network learned from, made again from its provenance as scripts/train made them
     * ({@link TrainingRows}): its corpora's training rows (for a --sample or --corpus bundle, clear of the whole dev
     * split too), its identity copies and short texts (made from those rows with the recorded counts and seed), its
     * --repeat, and its included decisions where every file is at its recorded path with its recorded SHA-256; else
     * without them, said on stderr and under {@code includedDecisionsLacking}, naming each file. Until the forty-third
     * session the baselines learned from the corpora's rows alone. A source whose rows differ in number from the
     * bundle's record (the corpora or the code changed since) is said too, under {@code rowsDifferFromBundle}.
     */
    private List<Example> baselineRows(Path root, JsonNode p, ObjectNode trainedOn) throws IOException {
        List<String> names = new ArrayList<>();
        trainedOn.get("corpora").forEach(n -> names.add(n.asText()));
        Integer sample = trainedOn.hasNonNull("samplePerCorpus") ? trainedOn.get("samplePerCorpus").asInt() : null;
        boolean partial = sample != null || names.size() < Corpora.toxicityNames().size();
        List<IncludedFiles.Read> included = includedDecisions(p, trainedOn);
        // A bundle from before a record made none of those rows.
        TrainingRows rows = TrainingRows.make(root, new TrainingRows.Recipe(names, sample, trainedOn.get("seed").asLong(), devPart,
                partial, included, p.at("/identityAugment/requested").asInt(0), p.at("/identitySwap/requested").asInt(0),
                p.at("/shortTexts/requested").asInt(0)));
        Map<String, Integer> repeat = new LinkedHashMap<>();
        p.path("repeat").fields().forEachRemaining(e -> repeat.put(e.getKey(), e.getValue().asInt(1)));
        if (!repeat.isEmpty()) trainedOn.set("repeat", JSON.valueToTree(repeat));
        if (!rows.augmented().isEmpty()) trainedOn.put("identityAugmented", rows.augmented().size());
        if (!rows.swapped().isEmpty()) trainedOn.put("identitySwapped", rows.swapped().size());
        if (!rows.shortTexts().isEmpty()) trainedOn.put("shortTexts", rows.shortTexts().size());
        List<Example> train = rows.all(repeat);
        trainedOn.put("rows", train.size());
        ObjectNode differ = differFromBundle(p, rows.all(Map.of()));
        if (!differ.isEmpty()) {
            trainedOn.set("rowsDifferFromBundle", differ);
            System.err.println("warning: the baselines' training rows differ in number from those the bundle records, by source"
                    + " (remade/recorded): " + differ + "; the corpora, the included files or the code changed since it was trained");
        }
        return train;
    }

    /**
     * The bundle's included decision files, read again where every one is at its recorded path (as given to
     * scripts/train, from where it ran) with its recorded SHA-256; else none, each file that is not named with why.
     * All or none: the latest decision per comment and the merging of one text's lines are taken across the files.
     */
    private static List<IncludedFiles.Read> includedDecisions(JsonNode p, ObjectNode trainedOn) throws IOException {
        JsonNode recorded = p.path("includedDecisions");
        if (!recorded.isArray() || recorded.isEmpty()) return List.of();
        List<IncludedFiles.Read> reads = new ArrayList<>();
        List<String> lacking = new ArrayList<>();
        for (JsonNode f : recorded) {
            Path file = Path.of(f.path("file").asText());
            if (!Files.isRegularFile(file)) {
                lacking.add(file + " (not found)");
                continue;
            }
            // Hashed before it is parsed: a file changed since may no longer parse, and is not the bundle's anyway.
            if (org.parley.model.BundleFile.sha256(Files.readAllBytes(file)).equals(f.path("sha256").asText()))
                reads.addAll(IncludedFiles.read(List.of(file)));
            else lacking.add(file + " (changed since: its SHA-256 is not the one the bundle records)");
        }
        if (lacking.isEmpty()) {
            ArrayNode used = trainedOn.putArray("includedDecisions");
            for (IncludedFiles.Read r : reads) used.addObject().put("file", r.file().toString()).put("sha256", r.sha256());
            return reads;
        }
        trainedOn.set("includedDecisionsLacking", JSON.valueToTree(lacking));
        System.err.println("warning: the baselines learn without the decisions the bundle was trained with (--include-decisions): "
                + String.join(", ", lacking) + ". The network learned from them and the baselines do not, so the two are not"
                + " compared like for like; run scripts/evaluate where those files are, from where scripts/train ran.");
        return List.of();
    }

    /** Per source, where the rows remade differ in number from the training rows the bundle's provenance counts. */
    private static ObjectNode differFromBundle(JsonNode p, List<Example> remade) {
        ObjectNode out = JSON.createObjectNode();
        if (!p.path("corpora").isObject()) return out; // a bundle not made by scripts/train
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (Example e : remade) counts.merge(e.source(), 1, Integer::sum);
        p.get("corpora").fields().forEachRemaining(e -> counts.putIfAbsent(e.getKey(), 0));
        counts.forEach((source, n) -> {
            int recorded = p.path("corpora").path(source).path("train").asInt(0);
            if (n != recorded) out.put(source, n + "/" + recorded);
        });
        return out;
    }

    /** The bundle's text-pipeline check, said (or, with --strict-pipeline, refused): {@link Cli#pipelineSaid}. */
    private PipelineCheck pipelineCheck(Path file, ModelBundle bundle) {
        return Cli.pipelineSaid(file, bundle.provenance(), true, strictPipeline);
    }

    /** The toxicity bundle given to {@code option}; a stance bundle is pointed to scripts/evaluate --task stance. */
    private static ModelBundle toxicityBundle(String option, Path file) {
        return Cli.loadBundle(file, () -> ModelBundle.load(file), org.parley.stance.StanceBundle.FORMAT,
                option + " " + file + " is a stance bundle: evaluate it with scripts/evaluate --task stance"
                        + (option.equals("--compare") ? " (--compare takes a toxicity bundle, as --model does here)" : ""));
    }

    /** The dev part the bundle was trained with (scripts/train --dev-part); bundles from before it: the shipped part. */
    static int devPart(ModelBundle bundle) {
        JsonNode p = bundle.provenance();
        return DevSplit.checked(p.hasNonNull("devPart") ? p.get("devPart").asInt() : DevSplit.SHIPPED_PART);
    }

    private static List<String> texts(List<Example> examples) {
        List<String> texts = new ArrayList<>(examples.size());
        for (Example e : examples) texts.add(e.text());
        return texts;
    }

    private String evaluationName() {
        return files != null ? files.toString() : split + " split";
    }

    private List<Example> evaluationData(Path root) throws IOException {
        if (files != null) {
            List<Example> all = new ArrayList<>();
            labelledFiles().values().forEach(all::addAll);
            return oneRowPerText(files.toString(), all);
        }
        return corpusData(root);
    }

    /**
     * Each --file's labels that stand, as scripts/train --include-decisions reads them: of lines that say when their
     * decision was made, the latest per source and id across the files, so that two exports do not score a comment
     * both as rejected and, on appeal, approved; withdrawals label nothing. Empty where no --file was given.
     */
    private Map<String, List<Example>> labelledFiles() throws IOException {
        Map<String, List<Example>> out = new LinkedHashMap<>();
        if (files == null) return out;
        List<List<LabelledFile.Line>> lines = new ArrayList<>();
        for (Path f : files) lines.add(LabelledFile.lines(f));
        List<List<Example>> standing = org.parley.train.IncludedFiles.standing(lines);
        for (int i = 0; i < files.size(); i++) {
            List<Example> kept = standing.get(i);
            long withdrawals = lines.get(i).stream().filter(LabelledFile.Line::isWithdrawal).count();
            long superseded = lines.get(i).size() - withdrawals - kept.size();
            if (superseded > 0)
                System.err.printf("(%s: %s left out: a later decision on the same comment replaced them, or an earlier file holds the same decision)%n",
                        files.get(i), lines(superseded));
            // Said too (a data scientist's fifth audit): "5 examples" of a 6-line export was a line lost without a word.
            if (withdrawals > 0)
                System.err.printf("(%s: %s left out: %s, which label%s nothing)%n", files.get(i), lines(withdrawals),
                        withdrawals == 1 ? "a withdrawal" : "withdrawals", withdrawals == 1 ? "s" : "");
            if (compare != null && kept.isEmpty()) throw new IllegalArgumentException("no labelled examples in " + files.get(i));
            out.merge(files.get(i).toString(), kept, (a, b) -> { List<Example> both = new ArrayList<>(a); both.addAll(b); return both; });
        }
        return out;
    }

    /**
     * A labelled file's lines that share a text (two comments with one text, one text suggested by two keys) as one row,
     * their labels averaged and an even split left unlabelled, as training merges them ({@link Deduplicator}) and as the
     * corpora's dev split counts each text once: the model gives one text one score, so its copies add no evidence to a
     * ROC-AUC, they weigh the text as often as it was written, and the bootstrap drew them as if independent. Until the
     * forty-third session each line was a row.
     */
    private static List<Example> oneRowPerText(String name, List<Example> rows) {
        Deduplicator.Result merged = Deduplicator.merge(rows);
        List<String> said = new ArrayList<>();
        if (merged.merged() > 0)
            said.add(lines(merged.merged()) + " repeat the text of another: one row per text, labels averaged as training merges them");
        if (merged.unlabelled() > 0)
            said.add(merged.unlabelled() + (merged.unlabelled() == 1 ? " text" : " texts") + " left out, labelled 0.5 (the mean"
                    + " of its lines, where it repeats) on every attribute it labels: neither way");
        if (!said.isEmpty()) System.err.printf("(%s: %s)%n", name, String.join("; ", said));
        return merged.examples();
    }

    private static String lines(long n) {
        return n + (n == 1 ? " line" : " lines");
    }

    private List<Example> corpusData(Path root) throws IOException {
        List<Example> all = corpora == null ? Corpora.loadToxicity(root) : Corpora.loadToxicity(root, corpora);
        return switch (split) {
            case all -> all;
            case dev -> DevSplit.dev(all, devPart);
            case train -> DevSplit.split(all, devPart).train();
        };
    }

    private record Scored(String name, float[][] scores) {
        static Scored by(Scorer scorer, List<Example> examples) {
            return new Scored(scorer.name(), scorer.score(texts(examples)));
        }
    }

    private Scored scoreBaseline(Baseline b, List<Example> train, List<Example> examples) throws IOException {
        return switch (b) {
            case linear -> Scored.by(LinearBaseline.train(train, LinearBaseline.Options.defaults().withC(linearC != null ? linearC : LinearBaseline.Options.DEFAULT_C)), examples);
            case fasttext -> {
                // Its per-attribute model files take ~400 MB each on disk until closed.
                try (FastTextBaseline ft = FastTextBaseline.train(train)) {
                    yield Scored.by(ft, examples);
                }
            }
        };
    }
}
