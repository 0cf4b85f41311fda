package org.parley.corpus;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.label.Stance;

/**
 * The five target-stance corpora, each mapped onto FAVOR / AGAINST / NONE. Per corpus:
 * <ul>
 *   <li>semeval2016_task6: FAVOR/AGAINST/NONE as given; the {@code #SemST} marker annotators never saw is stripped.</li>
 *   <li>pstance: FAVOR/AGAINST (it has no neutral class); train and val files both, our own split.</li>
 *   <li>vast: 0 = con → AGAINST, 1 = pro → FAVOR, 2 = neutral → NONE; target = {@code topic_str}
 *       (the dev file's {@code Target} is the same column).</li>
 *   <li>arc_ukp: agree → FAVOR, disagree → AGAINST, discuss and unrelated → NONE (no stance on the
 *       headline can be read); text = the comment body, target = the headline.</li>
 *   <li>ibm_claim_stance: the target is the motion's {@code topicTarget} ("open primaries"), a short
 *       phrase like the others, so the stance is PRO/CON on the motion turned around when the motion
 *       is against its target ({@code topicSentiment} = -1: "ban X" → PRO is AGAINST X).</li>
 * </ul>
 */
public final class StanceCorpora {
    public static final List<String> NAMES = List.of("semeval2016_task6", "pstance", "vast", "arc_ukp", "ibm_claim_stance");

    private StanceCorpora() {}

    public static List<StanceExample> load(Path root, String name) throws IOException {
        Path dir = root.resolve(name);
        List<StanceExample> out = switch (name) {
            case "semeval2016_task6" -> semeval(dir);
            case "pstance" -> pstance(dir);
            case "vast" -> vast(dir);
            case "arc_ukp" -> arc(dir);
            case "ibm_claim_stance" -> ibm(dir);
            default -> throw new IllegalArgumentException("not a stance corpus: '" + name + "' (stance corpora: " + NAMES + ")");
        };
        return out.stream().filter(e -> !e.text().isBlank() && !e.target().isBlank()).toList();
    }

    /** True when the example belongs to the fixed dev split: the same content hash as {@link DevSplit}, on the text, so one post asked about several targets stays on one side. */
    public static boolean isDev(StanceExample e) {
        return DevSplit.isDevText(e.text());
    }

    /**
     * The examples whose text, compared as {@link TextKey#copy} does (letters and digits), is not
     * in {@code measured}. VAST and ARC hold the same news comments with other quote marks, so the
     * content hash puts some on both sides of the split: trained on in one corpus, measured in the other.
     */
    public static List<StanceExample> withoutTextsOf(List<StanceExample> examples, List<StanceExample> measured) {
        Set<String> keys = new HashSet<>();
        for (StanceExample e : measured) keys.add(TextKey.copy(e.text()));
        return examples.stream().filter(e -> !keys.contains(TextKey.copy(e.text()))).toList();
    }

    /** The same target, whatever the case and spacing. */
    public static String targetKey(String target) {
        return TextKey.of(target).toLowerCase(Locale.ROOT);
    }

    static List<StanceExample> semeval(Path dir) throws IOException {
        return rows(Table.read(dir, "semeval2016-task6-trainingdata.csv", Table.CSV), r -> new StanceExample(
                "semeval2016_task6", r.get("ID"), r.get("Tweet").replace("#SemST", "").strip(), r.get("Target"),
                Stance.valueOf(r.get("Stance").strip())));
    }

    static List<StanceExample> pstance(Path dir) throws IOException {
        List<StanceExample> out = new ArrayList<>();
        for (String file : List.of("raw_train_all.csv", "raw_val_all.csv")) {
            String part = file.startsWith("raw_train") ? "train:" : "val:";
            out.addAll(rows(Table.read(dir, file, Table.CSV), r -> new StanceExample(
                    "pstance", part + r.number(), r.get("Tweet"), r.get("Target"), twoWay(r.get("Stance"), "FAVOR", "AGAINST"))));
        }
        return out;
    }

    static List<StanceExample> vast(Path dir) throws IOException {
        List<StanceExample> out = new ArrayList<>(rows(Table.read(dir, "vast_train.csv", Table.CSV), r -> new StanceExample(
                "vast", "train:" + r.get("new_id"), r.get("post"), r.get("topic_str"), vastLabel(r.get("label")))));
        out.addAll(rows(Table.read(dir, "vast_dev.csv", Table.CSV), r -> new StanceExample(
                "vast", "dev:" + r.number(), r.get("Tweet"), r.get("Target"), vastLabel(r.get("Stance")))));
        return out;
    }

    static Stance vastLabel(String value) {
        return switch ((int) Row.parse("label", value)) {
            case 0 -> Stance.AGAINST;
            case 1 -> Stance.FAVOR;
            case 2 -> Stance.NONE;
            default -> throw new IllegalArgumentException("VAST label must be 0, 1 or 2, was '" + value + "'");
        };
    }

    static List<StanceExample> arc(Path dir) throws IOException {
        Map<String, String> bodies = new HashMap<>();
        for (Row r : Table.read(dir, "arc_bodies.csv", Table.CSV)) bodies.put(r.get("Body ID"), r.get("articleBody"));
        return rows(Table.read(dir, "arc_stances_train.csv", Table.CSV), r -> {
            String body = bodies.get(r.get("Body ID"));
            if (body == null) throw new IllegalArgumentException("Body ID " + r.get("Body ID") + " is not in arc_bodies.csv");
            Stance s = switch (r.get("Stance").strip()) {
                case "agree" -> Stance.FAVOR;
                case "disagree" -> Stance.AGAINST;
                case "discuss", "unrelated" -> Stance.NONE;
                default -> throw new IllegalArgumentException("unknown ARC stance '" + r.get("Stance") + "'");
            };
            return new StanceExample("arc_ukp", String.valueOf(r.number()), body, r.get("Headline"), s);
        });
    }

    static List<StanceExample> ibm(Path dir) throws IOException {
        return rows(Table.read(dir, "claim_stance_dataset_v1_train.csv", Table.CSV), r -> {
            boolean pro = twoWay(r.get("claims.stance"), "PRO", "CON") == Stance.FAVOR;
            int sentiment = (int) r.decimal("topicSentiment");
            if (sentiment != 1 && sentiment != -1)
                throw new IllegalArgumentException("column 'topicSentiment': expected 1 or -1, was " + sentiment);
            Stance s = pro == (sentiment == 1) ? Stance.FAVOR : Stance.AGAINST;
            return new StanceExample("ibm_claim_stance", r.get("claims.claimId"), r.get("claims.claimCorrectedText"),
                    r.get("topicTarget"), s);
        });
    }

    /** {@link Table#map} for stance rows: a mapping error names the file and record. */
    static List<StanceExample> rows(List<Row> rows, java.util.function.Function<Row, StanceExample> mapping) {
        List<StanceExample> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            try {
                out.add(mapping.apply(row));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException(row.where() + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    private static Stance twoWay(String value, String favor, String against) {
        String v = value.strip();
        if (v.equals(favor)) return Stance.FAVOR;
        if (v.equals(against)) return Stance.AGAINST;
        throw new IllegalArgumentException("stance must be " + favor + " or " + against + ", was '" + value + "'");
    }
}
