package org.parley.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Unintended bias against identities, per identity term, after Borkan et al. (2019), "Nuanced
 * metrics for measuring unintended bias with real data for text classification". The subgroup of
 * a term is the rows that mention it, the background the rest; each is a ROC-AUC:
 * <ul>
 *   <li><b>subgroup</b>: within the subgroup only; low means the model cannot tell toxic from
 *       not toxic when the identity is mentioned.</li>
 *   <li><b>BPSN</b> (background positive, subgroup negative): subgroup negatives against background
 *       positives; low means neutral mentions of the identity score like real abuse.</li>
 *   <li><b>BNSP</b> (background negative, subgroup positive): the reverse; low means abuse of the
 *       identity scores like ordinary neutral text.</li>
 * </ul>
 * A figure is NaN where a class it needs is absent.
 */
public final class IdentityBias {
    /** One identity and the word forms that count as mentioning it (case-insensitive, whole words). */
    public record Term(String name, Pattern pattern) {
        static Term of(String name, String forms) {
            return new Term(name, Pattern.compile("\\b(?:" + forms + ")\\b", Pattern.CASE_INSENSITIVE));
        }

        public boolean mentionedIn(String text) {
            return pattern.matcher(text).find();
        }
    }

    /** The fixed list: a changed list changes every figure, so change it only with a re-measurement. */
    public static final List<Term> TERMS = List.of(
            Term.of("gay", "gays?"),
            Term.of("lesbian", "lesbians?"),
            Term.of("bisexual", "bisexuals?"),
            Term.of("homosexual", "homosexuals?"),
            Term.of("trans/transgender", "trans|transgenders?|transsexuals?"),
            Term.of("black", "blacks?"),
            Term.of("white", "whites?"),
            Term.of("asian", "asians?"),
            Term.of("mexican", "mexicans?"),
            Term.of("immigrant", "immigrants?"),
            Term.of("muslim", "muslims?"),
            Term.of("jewish", "jewish|jews?"),
            Term.of("christian", "christians?"),
            Term.of("woman", "woman|women"),
            Term.of("disabled", "disabled"));

    /** Figures for one term; n and positives count the subgroup's rows. */
    public record TermMetrics(String term, int n, int positives, double subgroupAuc, double bpsnAuc, double bnspAuc) {}

    private IdentityBias() {}

    /** Per term of {@link #TERMS}: {@code scores[i]} and {@code positives[i]} belong to {@code texts.get(i)}. */
    public static List<TermMetrics> of(List<String> texts, float[] scores, boolean[] positives) {
        return of(TERMS, texts, scores, positives);
    }

    public static List<TermMetrics> of(List<Term> terms, List<String> texts, float[] scores, boolean[] positives) {
        if (texts.size() != scores.length || scores.length != positives.length)
            throw new IllegalArgumentException("texts, scores and labels differ in length: "
                    + texts.size() + ", " + scores.length + ", " + positives.length);
        List<TermMetrics> out = new ArrayList<>();
        for (Term t : terms) {
            boolean[] in = new boolean[texts.size()];
            for (int i = 0; i < in.length; i++) in[i] = t.mentionedIn(texts.get(i));
            out.add(metrics(t.name(), in, scores, positives));
        }
        return out;
    }

    /** The three AUCs for the subgroup marked by {@code in}. */
    static TermMetrics metrics(String name, boolean[] in, float[] scores, boolean[] positives) {
        int n = 0, pos = 0;
        for (int i = 0; i < in.length; i++) {
            if (!in[i]) continue;
            n++;
            if (positives[i]) pos++;
        }
        double subgroup = auc(in, scores, positives, (inside, positive) -> inside);
        double bpsn = auc(in, scores, positives, (inside, positive) -> inside != positive);
        double bnsp = auc(in, scores, positives, (inside, positive) -> inside == positive);
        return new TermMetrics(name, n, pos, subgroup, bpsn, bnsp);
    }

    /** The mean of the non-NaN values, NaN if there are none. */
    public static double mean(List<TermMetrics> metrics, java.util.function.ToDoubleFunction<TermMetrics> figure) {
        double sum = 0;
        int k = 0;
        for (TermMetrics m : metrics) {
            double v = figure.applyAsDouble(m);
            if (Double.isNaN(v)) continue;
            sum += v;
            k++;
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    private interface RowFilter {
        boolean keep(boolean inSubgroup, boolean positive);
    }

    private static double auc(boolean[] in, float[] scores, boolean[] positives, RowFilter filter) {
        int k = 0;
        for (int i = 0; i < in.length; i++) if (filter.keep(in[i], positives[i])) k++;
        float[] s = new float[k];
        boolean[] p = new boolean[k];
        k = 0;
        for (int i = 0; i < in.length; i++) {
            if (!filter.keep(in[i], positives[i])) continue;
            s[k] = scores[i];
            p[k++] = positives[i];
        }
        return Metrics.rocAuc(s, p);
    }
}
