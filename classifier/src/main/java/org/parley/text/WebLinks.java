package org.parley.text;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URLs become {@code <url>} and e-mail addresses {@code <email>}; markup tags ({@code <br>},
 * {@code </b>}, often left in scraped comments) are dropped. The lexer already keeps URLs and
 * addresses whole; bare domains count as URLs only with a common top-level domain, so "end.The"
 * (a missing space) stays text.
 */
final class WebLinks implements Stage {
    private static final Pattern URL = Pattern.compile(
            "(?:(?:https?|ftp)://|www\\d{0,3}\\.)\\S+"
                    + "|(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+"
                    + "(?:com|org|net|edu|gov|mil|info|biz|io|co|uk|us|ca|au|de|fr|it|nl|es|ru|jp|cn"
                    + "|in|br|eu|me|tv|ly|gl|be|ch|se|no|ie|nz|za)(?::\\d{1,5})?(?:[/?#]\\S*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[a-zA-Z]{2,}");
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9]*(?:\\s[^<>]*)?/?>");

    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.TOKENS);
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.WEB);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        String clean = text.text();
        boolean tags = false;
        for (Draft d : drafts) {
            if (!d.isWord()) {
                continue;
            }
            String s = d.text;
            if (d.has(Shape.OTHER, clean) && isTag(s)) {
                tags = true;
            } else if (d.has(Shape.DOT_LETTER, clean)) {
                if (s.indexOf('@') > 0 && EMAIL.matcher(s).matches()) {
                    d.replace(TextPipeline.EMAIL);
                } else if (URL.matcher(s).matches()) {
                    d.replace(TextPipeline.URL);
                }
            }
        }
        if (tags) { // rare: only then copy
            drafts.removeIf(d -> d.isWord() && isTag(d.text));
        }
        return drafts;
    }

    private static boolean isTag(String s) {
        return s.length() >= 3 && s.charAt(0) == '<' && s.charAt(s.length() - 1) == '>' && TAG.matcher(s).matches();
    }
}
