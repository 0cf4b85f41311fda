package org.parley.corpus;

import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.PROFANITY;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tweet sets: Davidson, HateXplain, OLID, HatEval, implicit hate, HASOC, political incivility. */
final class TweetCorpora {
    static final String DAVIDSON = "davidson_hate_offensive";
    static final String HATEXPLAIN = "hatexplain_mbib";
    static final String OLID = "olid_offenseval2019";
    static final String HATEVAL = "hateval2019_en_tweeteval";
    static final String IMPLICIT_HATE = "implicit_hate";
    static final String HASOC = "hasoc_en";
    static final String INCIVILITY = "political_incivility_tweets_theocharis";

    private TweetCorpora() {}

    /** davidson: soft labels from the vote counts. TOXICITY = (hate + offensive) / raters, IDENTITY_ATTACK = hate / raters. */
    static List<Example> davidson(Path dir) throws IOException {
        return Table.map(Table.read(dir, "labeled_data.csv", Table.CSV), r -> {
            double n = r.decimal("count");
            double hate = r.decimal("hate_speech");
            double offensive = r.decimal("offensive_language");
            return new Example(DAVIDSON, r.get(0), r.get("tweet"), new LabelSet()
                    .set(TOXICITY, (hate + offensive) / n).set(IDENTITY_ATTACK, hate / n).build());
        });
    }

    /** hatexplain: category 0 normal, 1 hate speech, 2 offensive (rater majority). */
    static List<Example> hatexplain(Path dir) throws IOException {
        return Table.map(Table.read(dir, "hatexplain_train_val.csv", Table.CSV), r -> {
            int category = (int) r.decimal("category");
            if (category < 0 || category > 2) throw new IllegalArgumentException("category not 0/1/2: " + category);
            return new Example(HATEXPLAIN, r.get("post_id"), r.get("text"), new LabelSet()
                    .set(TOXICITY, category != 0).set(IDENTITY_ATTACK, category == 1).build());
        });
    }

    /**
     * olid: TOXICITY ← subtask_a = OFF; INSULT ← subtask_b = TIN (targeted insult or threat; NOT
     * and untargeted swearing are 0). Not used: subtask_c = GRP as IDENTITY_ATTACK (its groups are
     * mostly "liberals", "Democrats"), subtask_b = UNT as PROFANITY (untargeted ≠ profane).
     */
    static List<Example> olid(Path dir) throws IOException {
        return Table.map(Table.read(dir, "olid-training-v1.0.tsv", Table.TSV), r -> {
            boolean offensive = oneOf(r, "subtask_a", "OFF", "NOT");
            return new Example(OLID, r.get("id"), r.get("tweet"), new LabelSet()
                    .set(TOXICITY, offensive).set(INSULT, offensive && r.get("subtask_b").equals("TIN")).build());
        });
    }

    /**
     * hateval: IDENTITY_ATTACK ← label (hate against immigrants or women). TOXICITY stays
     * unlabelled: one in six not-hate tweets swears at someone ("U stupid cunt"), so label 0 is
     * not "not toxic".
     */
    static List<Example> hateval(Path dir) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String file : List.of("train", "val")) {
            out.addAll(Table.map(Table.read(dir, file + ".csv", Table.CSV), r -> new Example(HATEVAL, file + ":" + r.number(),
                    r.get("text"), new LabelSet().set(IDENTITY_ATTACK, r.flag("label")).build())));
        }
        return out;
    }

    /**
     * implicit_hate: TOXICITY and IDENTITY_ATTACK ← stage-1 class ≠ not_hate. THREAT ← stage-2
     * implicit class "threatening" (either class column), only for posts that have a stage-2
     * label; other posts leave THREAT unlabelled. The id files are row-aligned with the post files.
     */
    static List<Example> implicitHate(Path dir) throws IOException {
        List<Row> ids = Table.read(dir, "implicit_hate_v1_stg1.tsv", Table.TSV);
        List<Row> posts = Table.read(dir, "implicit_hate_v1_stg1_posts.tsv", Table.TSV);
        if (ids.size() != posts.size()) {
            throw new IllegalArgumentException(IMPLICIT_HATE + ": stg1 has " + ids.size() + " ids but " + posts.size() + " posts");
        }
        Map<String, Boolean> threatening = new HashMap<>();
        List<Row> stage2 = Table.read(dir, "implicit_hate_v1_stg2.tsv", Table.TSV);
        for (Row r : stage2) {
            threatening.put(r.get("ID"), r.get("implicit_class").equals("threatening") || r.get("extra_implicit_class").equals("threatening"));
        }
        List<Example> out = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            Row id = ids.get(i);
            Row post = posts.get(i);
            String cls = id.get("class");
            if (!cls.equals(post.get("class"))) {
                throw new IllegalArgumentException(id.where() + ": class '" + cls + "' but the aligned " + post.where() + " says '" + post.get("class") + "'");
            }
            if (!List.of("not_hate", "implicit_hate", "explicit_hate").contains(cls)) {
                throw new IllegalArgumentException(id.where() + ": unknown class '" + cls + "'");
            }
            boolean hate = !cls.equals("not_hate");
            out.add(new Example(IMPLICIT_HATE, id.get("ID"), post.get("post"), new LabelSet()
                    .set(TOXICITY, hate).set(IDENTITY_ATTACK, hate).setIfKnown(THREAT, threatening.get(id.get("ID"))).build()));
        }
        return out;
    }

    /**
     * hasoc: TOXICITY ← task_1 = HOF. task_2 picks one of HATE / OFFN / PRFN per HOF post, so a
     * post labelled HATE may still swear: PROFANITY is 1 for PRFN, 0 for NOT, unlabelled otherwise;
     * INSULT likewise from OFFN. HATE is not mapped to IDENTITY_ATTACK: most HATE posts attack
     * politicians ("#TrumpIsATraitor"), not identities.
     */
    static List<Example> hasoc(Path dir) throws IOException {
        return Table.map(Table.read(dir, "english_dataset.tsv", Table.TSV), r -> {
            boolean hof = oneOf(r, "task_1", "HOF", "NOT");
            String type = r.get("task_2");
            if (!List.of("HATE", "OFFN", "PRFN", "NONE").contains(type)) throw new IllegalArgumentException("task_2 unknown: '" + type + "'");
            return new Example(HASOC, r.get("text_id"), r.get("text"), new LabelSet()
                    .set(TOXICITY, hof)
                    .setIfKnown(INSULT, !hof ? Boolean.FALSE : type.equals("OFFN") ? Boolean.TRUE : null)
                    .setIfKnown(PROFANITY, !hof ? Boolean.FALSE : type.equals("PRFN") ? Boolean.TRUE : null)
                    .build());
        });
    }

    /** political incivility: TOXICITY ← uncivil = yes (name-calling, vulgarity, aspersions). */
    static List<Example> incivility(Path dir) throws IOException {
        return Table.map(Table.read(dir, "training-data.csv", Table.CSV), r -> new Example(INCIVILITY, r.get("id_str"),
                r.get("text"), new LabelSet().set(TOXICITY, oneOf(r, "uncivil", "yes", "no")).build()));
    }

    /** True for {@code yes}, false for {@code no}, otherwise an error naming the column and value. */
    static boolean oneOf(Row r, String column, String yes, String no) {
        String v = r.get(column).strip();
        if (v.equals(yes)) return true;
        if (v.equals(no)) return false;
        throw new IllegalArgumentException("column '" + column + "': expected " + yes + " or " + no + ", was '" + v + "'");
    }
}
