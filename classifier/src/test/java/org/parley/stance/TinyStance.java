package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.parley.corpus.ReplyExample;
import org.parley.corpus.StanceExample;
import org.parley.eval.ClassMetrics;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;
import org.parley.text.TextPipeline;

/**
 * Tiny stance models trained in seconds on a synthetic sample, once per test JVM: "i love X" is
 * FAVOR of X for six fruits; "grapes" never occurs in training and is the unseen target.
 */
public final class TinyStance {
    public static final List<String> SEEN = List.of("apples", "bananas", "cherries", "plums", "melons", "lemons");
    public static final String UNSEEN = "grapes";
    private static final String[] FAVOR = {"i love %s", "%s are wonderful", "we should support %s", "great %s , love them"};
    private static final String[] AGAINST = {"i hate %s", "%s are awful", "we must stop %s", "terrible %s , hate them"};
    private static final String[] NONE = {"the train was late today", "what time is the meeting", "my cat sleeps a lot"};

    /** The tiny models' features and networks: small enough to train in under a second. */
    static final PairFeatureConfig FEATURES = new PairFeatureConfig(20, 8, 500, 1, 256, 256, 3, 4, 1);
    static final PairNetworkConfig NETWORK = new PairNetworkConfig(16, 16, 0.0, 0.02, 0.3, 0, 3);

    private static StanceData data;
    private static StanceModel model;
    private static Path bundle;

    private TinyStance() {}

    public static synchronized StanceData data() {
        if (data == null) {
            List<StanceExample> train = new ArrayList<>(), dev = new ArrayList<>(), held = new ArrayList<>();
            int id = 0;
            for (String t : SEEN) {
                for (String f : FAVOR) train.add(new StanceExample("synthetic", "" + id++, f.formatted(t), t, Stance.FAVOR));
                for (String a : AGAINST) train.add(new StanceExample("synthetic", "" + id++, a.formatted(t), t, Stance.AGAINST));
                for (String n : NONE) train.add(new StanceExample("synthetic", "" + id++, n, t, Stance.NONE));
            }
            dev.add(new StanceExample("synthetic", "d1", "i love plums", "plums", Stance.FAVOR));
            dev.add(new StanceExample("synthetic", "d2", "i hate lemons", "lemons", Stance.AGAINST));
            held.add(new StanceExample("synthetic", "h1", "i love grapes", UNSEEN, Stance.FAVOR));
            held.add(new StanceExample("synthetic", "h2", "i hate grapes", UNSEEN, Stance.AGAINST));
            List<ReplyExample> replies = new ArrayList<>();
            String[][] r = {{"is that true ?", "QUERY"}, {"that is fake", "DENY"}, {"confirmed , it is true", "SUPPORT"}, {"lol ok", "COMMENT"}};
            for (int k = 0; k < 6; k++)
                for (String[] x : r) replies.add(new ReplyExample("synthetic", "r" + k + x[1], "t" + k, x[0], "bomb in paris " + k, ReplyStance.valueOf(x[1])));
            data = new StanceData(train, dev, held, replies, replies.subList(0, 4));
        }
        return data;
    }

    public static synchronized StanceModel model() {
        if (model == null) model = train(new WideStance.Config(10, 10, 5, 1.0, 0.5));
        return model;
    }

    /** A new tiny model with this wide part (null for none). */
    static StanceModel train(WideStance.Config wide) {
        return train(wide, null);
    }

    /** A new tiny model with these wide and sentence parts (null for none). */
    static StanceModel train(WideStance.Config wide, SentenceStance.Config sentence) {
        StanceTrainer.Options options = new StanceTrainer.Options(FEATURES, FEATURES, NETWORK, NETWORK, 12, 12, 8, 12, 8, 3, Map.of(),
                wide, sentence);
        ObjectNode provenance = JsonNodeFactory.instance.objectNode().put("name", "tiny");
        return new StanceTrainer(options, TextPipeline.standard(), new PrintStream(new ByteArrayOutputStream()))
                .train(data(), provenance).model();
    }

    /** Target-stance examples as the trainers' pairs. */
    static List<Pair> pairs(List<StanceExample> examples) {
        return examples.stream().map(StanceTrainer::pair).toList();
    }

    /** The stance figures (accuracy, macro-F1) of what {@code model}'s probabilities predict for {@code pairs}. */
    static ClassMetrics figures(BiFunction<List<String>, List<String>, float[][]> model, List<Pair> pairs) {
        int[] predicted = StanceMetrics.argmax(model.apply(pairs.stream().map(Pair::text).toList(), pairs.stream().map(Pair::context).toList()));
        return StanceMetrics.stance(pairs.stream().mapToInt(Pair::label).toArray(), predicted);
    }

    /**
     * A training kept the first epoch with the best dev score (epochs count from 1), and its history holds the kept
     * model's own dev figure, {@code keptDevFigure}.
     */
    static void assertKeptTheBestEpoch(List<Double> history, int bestEpoch, double keptDevFigure) {
        int best = 0;
        for (int e = 1; e < history.size(); e++) if (history.get(e) > history.get(best)) best = e;
        assertEquals(best + 1, bestEpoch, "the first best epoch, counted from 1: " + history);
        assertEquals(keptDevFigure, history.get(best), 1e-9, "the history holds the kept model's dev figure: " + history);
    }

    /** The tiny model saved as a bundle in a temporary file. */
    public static synchronized Path bundle() throws IOException {
        if (bundle == null) {
            bundle = Files.createTempFile("tiny-stance", ".zip");
            bundle.toFile().deleteOnExit();
            StanceBundle.save(model(), bundle);
        }
        return bundle;
    }
}
