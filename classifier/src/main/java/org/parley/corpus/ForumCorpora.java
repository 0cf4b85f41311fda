package org.parley.corpus;

import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.PROFANITY;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Forum, Reddit and Facebook sets: Gab, Stormfront, CAD, TRAC-1, ETHOS. */
final class ForumCorpora {
    static final String GAB = "gab_hate_corpus";
    static final String STORMFRONT = "stormfront_hate_degibert";
    static final String CAD = "cad_contextual_abuse";
    static final String TRAC = "trac1_aggression_en";
    static final String ETHOS = "ethos";

    private ForumCorpora() {}

    /**
     * gab: hd = assault on human dignity, cv = call for violence, vo = vulgar/offensive.
     * TOXICITY ← any; IDENTITY_ATTACK ← hd; THREAT ← cv; PROFANITY ← vo (weak: vo also covers
     * some name-calling without swear words).
     */
    static List<Example> gab(Path dir) throws IOException {
        return Table.map(Table.read(dir, "ghc_train.tsv", Table.TSV), r -> {
            boolean hd = r.flag("hd");
            boolean cv = r.flag("cv");
            boolean vo = r.flag("vo");
            return new Example(GAB, "ghc_train:" + r.number(), r.get("text"), new LabelSet()
                    .set(TOXICITY, hd || cv || vo).set(IDENTITY_ATTACK, hd).set(THREAT, cv).set(PROFANITY, vo).build());
        });
    }

    /**
     * stormfront: TOXICITY and IDENTITY_ATTACK ← label = hate. Dropped: idk/skip (no decision) and
     * relation (hateful only together with neighbouring sentences; alone the sentence is often
     * harmless, e.g. "Not many .", so neither 0 nor 1 is right for it).
     */
    static List<Example> stormfront(Path dir) throws IOException {
        return Table.map(Table.read(dir, "stormfront_sentences.csv", Table.CSV), r -> {
            String label = r.get("label");
            switch (label) {
                case "relation", "idk/skip" -> {
                    return null;
                }
                case "hate", "noHate" -> {
                    boolean hate = label.equals("hate");
                    return new Example(STORMFRONT, r.get("file_id"), r.get("text"),
                            new LabelSet().set(TOXICITY, hate).set(IDENTITY_ATTACK, hate).build());
                }
                default -> throw new IllegalArgumentException("unknown label '" + label + "'");
            }
        });
    }

    private static final Set<String> CAD_LABELS = Set.of(
            "Neutral", "IdentityDirectedAbuse", "AffiliationDirectedAbuse", "PersonDirectedAbuse", "CounterSpeech");

    /**
     * cad: labels is a comma-separated set. TOXICITY ← any *DirectedAbuse; IDENTITY_ATTACK ←
     * IdentityDirectedAbuse; INSULT ← PersonDirectedAbuse, except that a post whose only abuse is
     * identity- or affiliation-directed leaves INSULT unlabelled (it may insult a group). The files
     * are tab-split with no quoting; "[linebreak]" becomes a newline.
     */
    static List<Example> cad(Path dir) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String file : List.of("cad_v1_1_train.tsv", "cad_v1_1_dev.tsv")) {
            out.addAll(Table.map(Table.read(dir, file, Table.TSV_UNQUOTED), r -> {
                Set<String> labels = Arrays.stream(r.get("labels").split(",")).map(String::strip).collect(Collectors.toSet());
                for (String l : labels) if (!CAD_LABELS.contains(l)) throw new IllegalArgumentException("unknown label '" + l + "'");
                boolean identity = labels.contains("IdentityDirectedAbuse");
                boolean person = labels.contains("PersonDirectedAbuse");
                boolean abuse = identity || person || labels.contains("AffiliationDirectedAbuse");
                return new Example(CAD, r.get("id"), r.get("text").replace("[linebreak]", "\n"), new LabelSet()
                        .set(TOXICITY, abuse).set(IDENTITY_ATTACK, identity)
                        .setIfKnown(INSULT, person ? Boolean.TRUE : abuse ? null : Boolean.FALSE).build());
            }));
        }
        return out;
    }

    /**
     * trac1: TOXICITY ← OAG (overtly aggressive) = 1, NAG = 0. CAG (covertly aggressive: sarcasm,
     * loaded questions) is dropped rather than set to 0.5, which the ≥ 0.5 binary view would count
     * as toxic. The files have no header: id, text, label.
     */
    static List<Example> trac(Path dir) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String file : List.of("agr_en_train.csv", "agr_en_dev.csv")) {
            out.addAll(Table.map(Table.read(dir, file, Table.headerless("id", "text", "label")), r -> {
                String label = r.get("label").strip();
                return switch (label) {
                    case "CAG" -> null;
                    case "OAG", "NAG" -> new Example(TRAC, r.get("id"), r.get("text"),
                            new LabelSet().set(TOXICITY, label.equals("OAG")).build());
                    default -> throw new IllegalArgumentException("unknown label '" + label + "'");
                };
            }));
        }
        return out;
    }

    /**
     * ethos: IDENTITY_ATTACK ← isHate, the share of raters calling it hate speech (ETHOS defines
     * hate by protected characteristics). THREAT ← the violence share from the multi-label file,
     * which covers the hate posts only (joined on normalised text). TOXICITY stays unlabelled:
     * one in seven not-hate comments swears or insults ("dumb people"), so isHate = 0 is not
     * "not toxic".
     */
    static List<Example> ethos(Path dir) throws IOException {
        Map<String, Double> violence = new HashMap<>();
        for (Row r : Table.read(dir, "Ethos_Dataset_Multi_Label.csv", Table.SEMICOLON)) {
            try {
                violence.put(TextKey.of(r.get("comment")), r.decimal("violence"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(r.where() + ": " + e.getMessage(), e);
            }
        }
        return Table.map(Table.read(dir, "Ethos_Dataset_Binary.csv", Table.SEMICOLON), r -> {
            String text = r.get("comment");
            LabelSet labels = new LabelSet().set(IDENTITY_ATTACK, r.decimal("isHate"));
            Double v = violence.get(TextKey.of(text));
            if (v != null) labels.set(THREAT, v);
            return new Example(ETHOS, "binary:" + r.number(), text, labels.build());
        });
    }
}
