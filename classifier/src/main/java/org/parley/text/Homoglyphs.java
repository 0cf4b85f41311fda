package org.parley.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Cyrillic and Greek letters that look like Latin ones ("іdіоt" with Cyrillic і and о), folded
 * only where the text is Latin in disguise, so that Russian or Greek text keeps its letters:
 * <ol>
 *   <li>in a word that also has Latin letters ("fuсking" with Cyrillic с): no real word mixes
 *       the scripts;</li>
 *   <li>in a word made only of look-alikes (a Cyrillic "а" or "аѕѕ") when the other letters of
 *       the text, those of rule 1's words included, are predominantly Latin: at least
 *       {@link #LATIN_SHARE} of them. So "как" stays in "Привет, как дела?", and "και" in Greek
 *       text; a comment that is one such word alone stays as it is.</li>
 * </ol>
 * The dotless ı is a Latin letter, not one of these: {@link CharFolding} folds it to i with the
 * other Latin letters. Char for char, so offsets into the raw text stay as they were.
 */
public final class Homoglyphs {
    /** "Predominantly": a Russian word quoted in a long English comment may be read as Latin. */
    static final double LATIN_SHARE = 0.9;

    private Homoglyphs() {}

    /** Whether {@code c} could be a look-alike (cheap range check before the table). */
    static boolean mayBeConfusable(int c) {
        return c >= 0x037F && c <= 0x051D && latin((char) c) != 0;
    }

    /** Replaces look-alikes in the builder's words by the two rules above. */
    static void foldDisguisedWords(CleanText.Builder b) {
        int latinLetters = 0;
        int otherLetters = 0;
        List<int[]> lookAlikeWords = new ArrayList<>();
        int n = b.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(b.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int letters = 0;
            int latin = 0;
            int lookAlikes = 0;
            for (; i < n && Character.isLetterOrDigit(b.charAt(i)); i++) {
                char c = b.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (latin(c) != 0) {
                        lookAlikes++;
                    } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                        latin++;
                    }
                }
            }
            if (lookAlikes > 0 && latin == 0 && lookAlikes == letters) {
                lookAlikeWords.add(new int[] {start, i}); // rule 2, once all the text is counted
                continue;
            }
            if (lookAlikes > 0 && latin > 0) {
                fold(b, start, i); // rule 1
                latin += lookAlikes;
            }
            latinLetters += latin;
            otherLetters += letters - latin;
        }
        if (latinLetters > 0 && latinLetters >= LATIN_SHARE * (latinLetters + otherLetters)) {
            for (int[] word : lookAlikeWords) {
                fold(b, word[0], word[1]);
            }
        }
    }

    private static void fold(CleanText.Builder b, int from, int to) {
        for (int k = from; k < to; k++) {
            char l = latin(b.charAt(k));
            if (l != 0) {
                b.set(k, l);
            }
        }
    }

    /**
     * The Latin look-alike of {@code c}, or 0. The Cyrillic and Greek letters that Unicode's
     * confusables.txt (UTS #39) takes for one ASCII letter, as the Debian package
     * python3-confusable-homoglyphs 3.2.0 lists them, less ϲ Ϲ ϱ ϒ (NFKC has made them ς Σ ρ Υ
     * by now) and less σ (→ o) and г (→ r), too loose a likeness; capitals that the file takes
     * for l (І Ι Ӏ) are I here, as they look. Added: ε κ к τ χ ь, which the file maps to Latin
     * letters outside ASCII (ꞓ ĸ ᴛ ꭓ ƅ).
     * Public for the policy's word lists, which read every look-alike as Latin ({@code PhraseRule}).
     */
    public static char latin(char c) {
        switch (c) {
            case 'а': case 'α': return 'a';
            case 'ь': case 'Ь': return 'b';
            case 'с': return 'c';
            case 'ԁ': return 'd';
            case 'е': case 'ҽ': case 'ε': return 'e';
            case 'һ': return 'h';
            case 'і': case 'ӏ': case 'ι': return 'i';
            case 'ј': case 'ϳ': return 'j';
            case 'к': case 'κ': return 'k';
            case 'о': case 'ο': return 'o';
            case 'р': case 'ρ': return 'p';
            case 'ԛ': return 'q';
            case 'ѕ': return 's';
            case 'τ': return 't';
            case 'υ': return 'u';
            case 'ѵ': case 'ν': return 'v';
            case 'ԝ': case 'ѡ': return 'w';
            case 'х': case 'χ': return 'x';
            case 'у': case 'ү': case 'γ': return 'y';
            case 'А': case 'Α': return 'A';
            case 'В': case 'Β': return 'B';
            case 'С': return 'C';
            case 'Е': case 'Ε': return 'E';
            case 'Ϝ': return 'F';
            case 'Ԍ': return 'G';
            case 'Н': case 'Η': return 'H';
            case 'І': case 'Ӏ': case 'Ι': return 'I';
            case 'Ј': case 'Ϳ': return 'J';
            case 'К': case 'Κ': return 'K';
            case 'М': case 'Μ': case 'Ϻ': return 'M';
            case 'Ν': return 'N';
            case 'О': case 'Ο': return 'O';
            case 'Р': case 'Ρ': return 'P';
            case 'Ѕ': return 'S';
            case 'Т': case 'Τ': return 'T';
            case 'Ѵ': return 'V';
            case 'Ԝ': return 'W';
            case 'Х': case 'Χ': return 'X';
            case 'У': case 'Ү': case 'Υ': return 'Y';
            case 'Ζ': return 'Z';
            default: return 0;
        }
    }
}
