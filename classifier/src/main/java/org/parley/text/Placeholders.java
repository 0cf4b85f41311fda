package org.parley.text;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * @mentions become {@code <user>} and numbers {@code <num>}. It runs after the
 * {@link Deobfuscator} so that "@ss" has become "ass" before it could pass for a mention.
 * A number is a token of digits and the separators of prices, dates, times and IP addresses
 * ("3", "1,000", "21:51", "3.5", "9/11"); tokens mixing digits with letters ("2nd", "mp3",
 * "covid-19") are words, and the MBIB corpus's literal "user" placeholder is just a word.
 */
final class Placeholders implements Stage {
    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.DEOBFUSCATED);
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.PLACEHOLDERS);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        String clean = text.text();
        for (Draft d : drafts) {
            if (!d.isWord()) {
                continue;
            }
            if (d.text.charAt(0) == '@' && isMention(d.text)) {
                d.replace(TextPipeline.USER);
            } else if (d.has(Shape.DIGIT, clean) && !d.has(Shape.LETTER, clean) && isNumber(d.text)) {
                d.replace(TextPipeline.NUMBER);
            }
        }
        return drafts;
    }

    static boolean isMention(String s) {
        if (s.length() < 2 || s.charAt(0) != '@') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    static boolean isNumber(String s) {
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (".,:/-+%() ".indexOf(c) < 0) {
                return false;
            }
        }
        return digit;
    }
}
