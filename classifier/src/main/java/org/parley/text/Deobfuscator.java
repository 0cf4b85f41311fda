package org.parley.text;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves obfuscated single tokens. In order:
 * <ol>
 *   <li>a token mixing letters with leet or masking chars that fits a lexicon form: "f*ck",
 *       "sh!t", "b!tch", "f@ck", "id1ot", "st00pid", "5hit", "@ss" ({@link Lexicon#match});</li>
 *   <li>a lexicon word spelled with separators: "f.u.c.k", "f-u-c-k", or with one or two put in
 *       between its letters: "id-iot", "mor.on" ({@link Lexicon#acrossSeparators});</li>
 *   <li>a plain word that is a lexicon spelling variant ("fuk"), or elongated ("fuuuuck",
 *       "shiiit": runs of 3+ letters squeezed to 2, then to 1, and looked up);</li>
 *   <li>general leetspeak: digits 0, 3, 4, 5, 7 between letters become o, e, a, s, t ("l33t",
 *       "g00gle"). Digits at either end mark codes and ordinals, not leet: "mp3", "2nd", "4chan",
 *       "covid-19", "b2b" stay as written.</li>
 * </ol>
 * Resolved lexicon words are final; leet-mapped words go on through the later stages.
 */
final class Deobfuscator implements Stage {
    private final Lexicon lexicon;

    Deobfuscator(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.LOWERCASE, Layer.JOINED, Layer.UNGLUED);
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.DEOBFUSCATED);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        String clean = text.text();
        for (Draft d : drafts) {
            if (d.isWord()) {
                resolve(d, d.shape(clean));
            }
        }
        return drafts;
    }

    private void resolve(Draft d, int shape) {
        if (!Shape.has(shape, Shape.LETTER) || Shape.has(shape, Shape.OTHER)) {
            return;
        }
        String s = d.text;
        boolean digits = Shape.has(shape, Shape.DIGIT);
        boolean masks = Shape.has(shape, Shape.MASK);
        String form;
        if (!digits && !masks) {
            form = Shape.has(shape, Shape.RUN3) ? elongated(s) : lexicon.exact(s);
        } else {
            form = lexicon.match(s);
            if (form == null && masks) {
                form = spelledOut(s);
            }
            if (form == null && masks && !digits) {
                form = lexicon.acrossSeparators(s);
            }
        }
        if (form != null) {
            d.resolve(form);
        } else if (digits && !masks) {
            d.text = leet(s);
        }
    }

    private String elongated(String s) {
        String form = lexicon.exact(RepeatSqueezer.squeeze(s, 2, 2));
        return form != null ? form : lexicon.exact(RepeatSqueezer.squeeze(s, 1, 1));
    }

    /** "f.u.c.k" → fuck: single letters and one repeated separator, a trailing one allowed. */
    private String spelledOut(String s) {
        if (s.length() < 5) {
            return null;
        }
        char sep = s.charAt(1);
        StringBuilder letters = new StringBuilder(s.length() / 2 + 1);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (i % 2 == 0 ? !(c >= 'a' && c <= 'z') : c != sep) {
                return null;
            }
            if (i % 2 == 0) {
                letters.append(c);
            }
        }
        return lexicon.exact(letters.toString());
    }

    /** Maps leet digits that sit between letters; returns s unchanged if any digit does not. */
    static String leet(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c < '0' || c > '9') {
                continue;
            }
            int end = i;
            while (end < out.length && out[end] >= '0' && out[end] <= '9') {
                end++;
            }
            boolean inside = i > 0 && end < out.length && isLetter(out[i - 1]) && isLetter(out[end]);
            if (!inside) {
                return s;
            }
            for (int k = i; k < end; k++) {
                char l = generalLeet(out[k]);
                if (l == 0) {
                    return s;
                }
                out[k] = l;
            }
            i = end - 1;
        }
        return new String(out);
    }

    /** Digits that are letters in leetspeak, '1' excepted: it reads as i or l, too ambiguous without the lexicon. */
    private static char generalLeet(char c) {
        switch (c) {
            case '0': return 'o';
            case '3': return 'e';
            case '4': return 'a';
            case '5': return 's';
            case '7': return 't';
            default: return 0;
        }
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }
}
