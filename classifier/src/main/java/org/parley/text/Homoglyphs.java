package org.parley.text;

/**
 * Cyrillic and Greek letters that look like Latin ones ("іdіоt" with Cyrillic і and о).
 * They are folded only inside a word that also has ASCII letters: a word written wholly in
 * Cyrillic or Greek is left alone, so Russian or Greek text keeps its letters.
 */
final class Homoglyphs {
    private Homoglyphs() {}

    /** Whether {@code c} could be a look-alike (cheap range check before the table). */
    static boolean mayBeConfusable(int c) {
        return c >= 0x0391 && c <= 0x051D && latin((char) c) != 0;
    }

    /** Replaces look-alikes inside mixed-script words of the builder, char for char. */
    static void foldMixedWords(CleanText.Builder b) {
        int n = b.length();
        int i = 0;
        while (i < n) {
            if (!Character.isLetterOrDigit(b.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            boolean ascii = false;
            boolean confusable = false;
            for (; i < n && Character.isLetterOrDigit(b.charAt(i)); i++) {
                char c = b.charAt(i);
                ascii |= c < 0x80 && Character.isLetter(c);
                confusable |= latin(c) != 0;
            }
            if (ascii && confusable) {
                for (int k = start; k < i; k++) {
                    char l = latin(b.charAt(k));
                    if (l != 0) {
                        b.set(k, l);
                    }
                }
            }
        }
    }

    /** The Latin look-alike of {@code c}, or 0. */
    static char latin(char c) {
        switch (c) {
            case 'а': case 'α': return 'a';
            case 'е': case 'ε': return 'e';
            case 'о': case 'ο': return 'o';
            case 'р': case 'ρ': return 'p';
            case 'с': return 'c';
            case 'у': return 'y';
            case 'х': case 'χ': return 'x';
            case 'і': case 'ι': return 'i';
            case 'ј': return 'j';
            case 'ѕ': return 's';
            case 'һ': return 'h';
            case 'ԁ': return 'd';
            case 'ԛ': return 'q';
            case 'ԝ': return 'w';
            case 'ӏ': return 'l';
            case 'к': case 'κ': return 'k';
            case 'ν': return 'v';
            case 'υ': return 'u';
            case 'τ': return 't';
            case 'А': case 'Α': return 'A';
            case 'В': case 'Β': return 'B';
            case 'Е': case 'Ε': return 'E';
            case 'К': case 'Κ': return 'K';
            case 'М': case 'Μ': return 'M';
            case 'Н': case 'Η': return 'H';
            case 'О': case 'Ο': return 'O';
            case 'Р': case 'Ρ': return 'P';
            case 'С': return 'C';
            case 'Т': case 'Τ': return 'T';
            case 'У': case 'Υ': return 'Y';
            case 'Х': case 'Χ': return 'X';
            case 'І': case 'Ι': return 'I';
            case 'Ј': return 'J';
            case 'Ѕ': return 'S';
            case 'Ζ': return 'Z';
            case 'Ν': return 'N';
            default: return 0;
        }
    }
}
