package org.parley.corpus;

import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.SEVERE_TOXICITY;
import static org.parley.label.Attribute.TOXICITY;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * convabuse: user turns to chatbots, rated per annotator. Read from the official train and valid
 * files only: every example of ConvAbuseEMNLPfull.csv (one row per rater) is also in one of them,
 * so reading it too would count each conversation twice.
 *
 * <p>Each split file row has blocks of 17 columns per annotator (Annotator1 … Annotator8), empty
 * where that annotator did not rate the example. The header repeats "Annotator6_transphobic" for
 * annotators 7 and 8, so blocks are read by position, after checking the first column of each.
 * A cell holds one rating per time the annotator rated the example ("1, 0" when twice); each
 * annotator counts once, with the share of their ratings. Labels are rater shares: TOXICITY = abusive (−1/−2/−3); SEVERE_TOXICITY = very strongly
 * abusive (−3, weak); IDENTITY_ATTACK = ableist/homophobic/racist/sexist/transphobic; INSULT =
 * intellectual (attacks on the bot's intelligence, weak). The text is the user turn.
 */
final class ConvAbuseCorpus {
    static final String NAME = "convabuse";
    static final List<String> FILES = List.of("ConvAbuseEMNLPtrain.csv", "ConvAbuseEMNLPvalid.csv");

    private static final int FIRST_BLOCK = 7;
    private static final int BLOCK = 17;
    private static final int ANNOTATORS = 8;
    // offsets within a block
    private static final int ABUSE_NONE = 0;
    private static final int ABUSE_MILD = 2;
    private static final int ABUSE_VERY_STRONG = 4;
    private static final int[] IDENTITY_TYPES = {5, 6, 8, 9, 11}; // ableist, homophobic, racist, sexist, transphobic
    private static final int INTELLECTUAL = 7;

    private ConvAbuseCorpus() {}

    static List<Example> read(Path dir) throws IOException {
        List<Example> out = new ArrayList<>();
        for (String file : FILES) {
            List<Row> rows = Table.read(dir, file, Table.CSV);
            if (!rows.isEmpty()) checkHeader(NAME + "/" + file, rows.get(0).header());
            String split = file.replace("ConvAbuseEMNLP", "").replace(".csv", "");
            out.addAll(Table.map(rows, r -> {
                if (r.size() < FIRST_BLOCK + BLOCK * ANNOTATORS) {
                    throw new IllegalArgumentException("expected " + (FIRST_BLOCK + BLOCK * ANNOTATORS) + " fields, found " + r.size());
                }
                int raters = 0;
                double abusive = 0, veryStrong = 0, identity = 0, intellectual = 0;
                for (int k = 0; k < ANNOTATORS; k++) {
                    int base = FIRST_BLOCK + BLOCK * k;
                    int ratings = ratings(r, base + ABUSE_NONE).length;
                    if (ratings == 0) continue;
                    raters++;
                    // an annotator who rated the same example more than once counts once, with the share of their ratings
                    for (int j = 0; j < ratings; j++) {
                        if (bit(r, base + ABUSE_MILD, j) || bit(r, base + ABUSE_MILD + 1, j) || bit(r, base + ABUSE_VERY_STRONG, j)) {
                            abusive += 1.0 / ratings;
                        }
                        if (bit(r, base + ABUSE_VERY_STRONG, j)) veryStrong += 1.0 / ratings;
                        boolean any = false;
                        for (int t : IDENTITY_TYPES) any |= bit(r, base + t, j);
                        if (any) identity += 1.0 / ratings;
                        if (bit(r, base + INTELLECTUAL, j)) intellectual += 1.0 / ratings;
                    }
                }
                if (raters == 0) return null;
                return new Example(NAME, split + ":" + r.get("example_id"), r.get("user"), new LabelSet()
                        .set(TOXICITY, abusive / raters).set(SEVERE_TOXICITY, veryStrong / raters)
                        .set(IDENTITY_ATTACK, identity / raters).set(INSULT, intellectual / raters).build());
            }));
        }
        return out;
    }

    /**
     * The 0/1 ratings in one cell: empty when the annotator did not rate the example, several
     * ("1, 0") when they rated it more than once.
     */
    static boolean[] ratings(Row r, int index) {
        String cell = r.get(index).strip();
        if (cell.isEmpty()) return new boolean[0];
        String[] parts = cell.split(",");
        boolean[] out = new boolean[parts.length];
        for (int j = 0; j < parts.length; j++) out[j] = Row.flagValue(r.header().get(index), parts[j]);
        return out;
    }

    /** Rating {@code j} of a cell; a blank or shorter cell (a few transphobic cells are blank) reads as 0. */
    private static boolean bit(Row r, int index, int j) {
        boolean[] v = ratings(r, index);
        return j < v.length && v[j];
    }

    /** Fails unless the columns read by position carry the names they should. */
    static void checkHeader(String file, List<String> header) {
        for (int k = 0; k < ANNOTATORS; k++) {
            int base = FIRST_BLOCK + BLOCK * k;
            String prefix = "Annotator" + (k + 1) + "_";
            expect(file, header, base + ABUSE_NONE, prefix + "is_abuse.1");
            expect(file, header, base + ABUSE_MILD, prefix + "is_abuse.-1");
            expect(file, header, base + ABUSE_VERY_STRONG, prefix + "is_abuse.-3");
            expect(file, header, base + INTELLECTUAL, prefix + "intellectual");
            expect(file, header, base + IDENTITY_TYPES[0], prefix + "ableist");
        }
        expect(file, header, 5, "user");
    }

    private static void expect(String file, List<String> header, int index, String name) {
        String found = index < header.size() ? header.get(index) : "(none)";
        if (!found.equals(name)) {
            throw new IllegalArgumentException(file + ": column " + index + " should be '" + name + "' but is '" + found + "'");
        }
    }
}
