package org.parley.corpus;

import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.SEVERE_TOXICITY;
import static org.parley.label.Attribute.TOXICITY;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reader comments under news articles: SOCC, UCC (Globe and Mail), Fox News, Kaggle insults, Ruddit. */
final class NewsCommentCorpora {
    static final String SOCC = "socc_ctc";
    static final String UCC = "unhealthy_comments_corpus";
    static final String FOX = "fox_news_comments";
    static final String KAGGLE = "kaggle_insults_impermium";
    static final String RUDDIT = "ruddit";

    private NewsCommentCorpora() {}

    /**
     * socc_ctc: toxicity is graded 1 (not) … 4 (very toxic); the file gives the two most popular
     * answers with the share of (trust-weighted) raters behind each. TOXICITY = share answering 3
     * or 4, SEVERE_TOXICITY = share answering 4; answers beyond the top two count as below 3.
     */
    static List<Example> socc(Path dir) throws IOException {
        return Table.map(Table.read(dir, "SFU_constructiveness_toxicity.csv", Table.CSV), r -> {
            double toxic = 0;
            double severe = 0;
            for (String k : List.of("1", "2")) {
                String answer = r.get("is_toxic_popular_answer_" + k).strip();
                if (answer.isEmpty()) continue;
                double grade = Row.parse("is_toxic_popular_answer_" + k, answer);
                double share = r.decimal("is_toxic:confidence_answer" + k);
                if (grade >= 3) toxic += share;
                if (grade >= 4) severe += share;
            }
            return new Example(SOCC, r.get("_unit_id"), r.get("comment"), new LabelSet()
                    .set(TOXICITY, Math.min(1, toxic)).set(SEVERE_TOXICITY, Math.min(1, severe)).build());
        });
    }

    /**
     * unhealthy_comments_corpus: TOXICITY ← hostile, INSULT ← antagonize ("antagonistic,
     * insulting, provocative or trolling"), each as a soft label from the majority answer and its
     * confidence (the rater share behind it).
     */
    static List<Example> ucc(Path dir) throws IOException {
        return Table.map(Table.read(dir, "val.csv", Table.CSV), r -> new Example(UCC, r.get("_unit_id"), r.get("comment"),
                new LabelSet().set(TOXICITY, softLabel(r, "hostile")).set(INSULT, softLabel(r, "antagonize")).build()));
    }

    /** P(label = 1) from a 0/1 majority answer and the share of raters who gave it. */
    private static double softLabel(Row r, String column) {
        double confidence = r.decimal(column + ":confidence");
        return r.flag(column) ? confidence : 1 - confidence;
    }

    /**
     * fox_news_comments: label 1 = hateful, defined by its authors as demeaning a person or group
     * for a facet of their identity, so TOXICITY and IDENTITY_ATTACK ← label. The thread tarball
     * holds the same comments in thread order and is not read.
     */
    static List<Example> fox(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Example> out = new ArrayList<>();
        try (BufferedReader in = Table.open(dir, "fox-news-comments.json")) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node = json.readTree(line);
                JsonNode label = node.get("label");
                JsonNode text = node.get("text");
                if (label == null || text == null || !(label.asInt(-1) == 0 || label.asInt(-1) == 1)) {
                    throw new IllegalArgumentException(FOX + "/fox-news-comments.json line " + n + ": needs \"text\" and \"label\" 0 or 1");
                }
                boolean hateful = label.asInt() == 1;
                out.add(new Example(FOX, "line" + n, text.asText(),
                        new LabelSet().set(TOXICITY, hateful).set(IDENTITY_ATTACK, hateful).build()));
            }
        }
        return out;
    }

    /**
     * kaggle_insults_impermium: INSULT ← Insult. TOXICITY stays unlabelled: the task only asked
     * whether a comment insults a participant, and about a fifth of the Insult=0 comments swear or
     * call public figures names, so Insult=0 does not mean "not toxic".
     */
    static List<Example> kaggle(Path dir) throws IOException {
        return Table.map(Table.read(dir, "train.csv", Table.CSV), r -> new Example(KAGGLE, "train:" + r.number(),
                KaggleEscapes.decode(r.get("Comment")), new LabelSet().set(INSULT, r.flag("Insult")).build()));
    }

    private static final Set<String> DELETED = Set.of("[deleted]", "[removed]", "");

    /**
     * ruddit: offensiveness_score in [-1,1] from best–worst scaling. TOXICITY = max(0, score):
     * the supportive half is 0, and the offensive half keeps its degree, so only scores ≥ 0.5
     * (about 9% of comments, mostly swearing at someone) count as positive; scores just above 0
     * are ordinary disagreement. A score of exactly 0.5, on the threshold, is left unlabelled by
     * {@link LabelSet}'s even-split rule (29 comments, then dropped as unlabelled). SEVERE_TOXICITY stays unlabelled (high scores are mostly plain
     * swearing, not severe abuse). Deleted/removed bodies are dropped.
     */
    static List<Example> ruddit(Path dir) throws IOException {
        return Table.map(Table.read(dir, "ruddit_with_text.csv", Table.CSV), r -> {
            String text = r.get("txt");
            if (DELETED.contains(text.strip())) return null;
            double score = r.decimal("offensiveness_score");
            if (score < -1 || score > 1) throw new IllegalArgumentException("offensiveness_score outside [-1,1]: " + score);
            return new Example(RUDDIT, r.get("comment_id"), text, new LabelSet().set(TOXICITY, Math.max(0, score)).build());
        });
    }
}
