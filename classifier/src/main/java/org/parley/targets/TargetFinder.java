package org.parley.targets;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.parley.stance.StanceLimits;
import org.parley.text.NlpModels;
import org.parley.thread.Article;

/**
 * Proposes stance targets from an article: the people, organisations and places it names (CoreNLP's
 * 3-class CRF NER) and its main issue phrases (adjective–noun runs such as "military action",
 * "chemical weapons" that recur). Names are merged across their forms: "Barack Obama", "Mr Obama"
 * and "Obama" count as one person, shown by the longest form. The light configuration (3-class
 * model, no SUTime, no numeric or fine-grained NER) loads in ~3 s and needs ~230 MB
 * (DEPENDENCIES.md). Thread-safe; build one and share it.
 */
public final class TargetFinder {
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "president", "prime", "minister", "sir");
    private static final Set<String> VAGUE = Set.of("way", "time", "thing", "lot", "day", "part", "week", "end", "month",
            "year", "area", "meeting", "summit", "talk", "leader", "country", "term", "sideline", "fact");
    /** Modifiers that say how many or which, not what: "other areas", "several months", "key leaders". */
    private static final Set<String> PLAIN = Set.of("other", "several", "more", "most", "many", "much", "few", "key",
            "same", "last", "first", "next", "new", "recent", "such", "own", "previous", "certain", "various",
            "whole", "top", "possible", "further", "current", "former", "early", "late", "big", "great", "good",
            "large", "small", "high", "low", "real", "full", "main", "senior", "powerful", "major", "only", "two-day");

    private final StanfordCoreNLP pipeline;

    public TargetFinder() {
        NlpModels.require("target finding (NER)");
        Properties p = NlpModels.pipeline("tokenize,ssplit,pos,lemma,ner");
        p.setProperty("ner.model", NlpModels.NER_3CLASS);
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "true");
        // A sentence longer is neither tagged nor read for names: 20,000 characters of "a@b.c " in one run took 11 to 15 s
        // of a core, against 0.5 for prose (a sixth penetration test, sixty-fourth session); 0.4 s skipped.
        p.setProperty("pos.maxlen", String.valueOf(MAX_SENTENCE_TOKENS));
        p.setProperty("ner.maxlen", String.valueOf(MAX_SENTENCE_TOKENS));
        this.pipeline = new StanfordCoreNLP(p);
    }

    /** Most tokens of a sentence read: a news story's are a few dozen; a run of thousands is no prose. */
    static final int MAX_SENTENCE_TOKENS = 250;

    /**
     * Most characters of an article body read: a news story's targets are in its first pages, and
     * NER over a thread format's 200,000 characters took over a minute for a body of quote marks.
     */
    static final int MAX_BODY_CHARS = 20_000;
    /**
     * Format characters nobody sees (zero-width space, soft hyphen, BOM), which would otherwise stay inside a
     * proposed name ("Barack\u200B Obama", a stance audit); the joiners stay, for the scripts and emoji that need them.
     */
    private static final java.util.regex.Pattern INVISIBLE = java.util.regex.Pattern.compile("[\\p{Cf}&&[^\\u200C\\u200D]]");
    /** A punctuation mark repeated this often or more is read three times: CoreNLP's tokeniser slows on long runs. */
    private static final java.util.regex.Pattern RUN = java.util.regex.Pattern.compile("([^\\p{L}\\p{N}\\s])\\1{9,}");

    /**
     * About how many characters {@link #find} reads of an article: its title and at most {@link #MAX_BODY_CHARS} of its
     * body. What proposing targets costs grows with it (NER: 0.45-0.8 s of a core for 20,000 characters, a penetration
     * test of the forty-sixth session), so the service charges by it.
     */
    public static int charsRead(Article article) {
        int body = article.body() == null ? 0 : Math.min(article.body().length(), MAX_BODY_CHARS);
        return article.title().length() + body;
    }

    /** Names first (most mentioned first), then issues; at most {@code limit} of each kind group. */
    public List<CandidateTarget> find(Article article, int limit) {
        String text = INVISIBLE.matcher(article.title() + ".\n\n" + bodyRead(article.body())).replaceAll("");
        // Control characters as spaces: a proposed target may not hold one, as a caller's may not (forty-fifth session).
        text = RUN.matcher(StanceLimits.CONTROL.matcher(text).replaceAll(" ")).replaceAll("$1$1$1");
        CoreDocument doc = new CoreDocument(text);
        pipeline.annotate(doc);
        List<CandidateTarget> out = new ArrayList<>(top(names(doc), limit));
        out.addAll(top(issues(doc), limit));
        return out;
    }

    /** The body's first {@link #MAX_BODY_CHARS} characters, cut after a space rather than inside a word where it has one. */
    static String bodyRead(String body) {
        if (body == null) return "";
        if (body.length() <= MAX_BODY_CHARS) return body;
        int cut = MAX_BODY_CHARS;
        while (cut > 0 && !Character.isWhitespace(body.charAt(cut - 1))) cut--;
        return body.substring(0, cut == 0 ? MAX_BODY_CHARS : cut);
    }

    private static List<CandidateTarget> names(CoreDocument doc) {
        Map<String, Name> byKey = new LinkedHashMap<>();
        for (CoreEntityMention m : doc.entityMentions()) {
            CandidateTarget.Kind kind = switch (m.entityType()) {
                case "PERSON" -> CandidateTarget.Kind.PERSON;
                case "ORGANIZATION" -> CandidateTarget.Kind.ORGANIZATION;
                case "LOCATION" -> CandidateTarget.Kind.LOCATION;
                default -> null;
            };
            // Pronouns ("He", "his") come back as PERSON mentions: keep only names.
            if (kind == null || m.tokens().stream().noneMatch(t -> t.tag() != null && t.tag().startsWith("NNP"))) continue;
            List<String> words = new ArrayList<>(List.of(m.text().strip().split("\\s+")));
            while (words.size() > 1 && TITLES.contains(words.get(0).toLowerCase(Locale.ROOT))) words.remove(0);
            String phrase = String.join(" ", words).replaceAll("'s$", "");
            // People are merged on their surname: "Obama" and "Barack Obama" are one target, and so
            // are "Mr Assad" and "Bashar al-Assad" (the part after a particle's hyphen).
            String surname = words.get(words.size() - 1).replaceAll(".*-", "");
            String key = kind + ":" + (kind == CandidateTarget.Kind.PERSON ? surname : phrase).toLowerCase(Locale.ROOT);
            Name n = byKey.computeIfAbsent(key, k -> new Name(kind));
            n.count++;
            if (phrase.length() > n.longest.length()) n.longest = phrase;
        }
        List<CandidateTarget> out = new ArrayList<>();
        byKey.values().forEach(n -> out.add(new CandidateTarget(n.longest, n.kind, n.count)));
        return out;
    }

    /**
     * Issues: runs of adjectives and nouns (a name may modify, as in "Assad regime") ending in a
     * common noun, grouped by that noun's lemma, so "humanitarian crisis", "the crisis" and
     * "Syria's crisis" are one issue; kept when the noun recurs and some run gives it a modifier,
     * shown by its most frequent two-word form. Words of news reporting ("news agency", "joint
     * statement") are not issues.
     */
    private static List<CandidateTarget> issues(CoreDocument doc) {
        Map<String, Issue> byHead = new LinkedHashMap<>();
        for (var sentence : doc.sentences()) {
            List<CoreLabel> tokens = sentence.tokens();
            int start = -1;
            for (int i = 0; i <= tokens.size(); i++) {
                String tag = i < tokens.size() ? tokens.get(i).tag() : ".";
                boolean part = tag.startsWith("JJ") || tag.startsWith("NN");
                if (part && start < 0) start = i;
                if (!part && start >= 0) {
                    addRun(tokens.subList(start, i), byHead);
                    start = -1;
                }
            }
        }
        List<CandidateTarget> out = new ArrayList<>();
        byHead.values().forEach(issue -> issue.best().ifPresent(surface -> {
            if (issue.count >= 2) out.add(new CandidateTarget(surface, CandidateTarget.Kind.ISSUE, issue.count));
        }));
        return out;
    }

    /** Counts a run under its last common noun, with the word before it as its two-word form. */
    private static void addRun(List<CoreLabel> run, Map<String, Issue> byHead) {
        int end = run.size();
        while (end > 0 && !isCommonNoun(run.get(end - 1))) end--;
        if (end == 0) return;
        CoreLabel head = run.get(end - 1);
        String lemma = head.get(CoreAnnotations.LemmaAnnotation.class).toLowerCase(Locale.ROOT);
        if (VAGUE.contains(lemma) || REPORTING.contains(lemma)) return;
        Issue issue = byHead.computeIfAbsent(lemma, k -> new Issue());
        issue.count++;
        // Not a modifier: a word of quantity ("several"), or the tail of a longer name ("United Nations efforts").
        boolean nameTail = end >= 3 && run.get(end - 2).tag().startsWith("NNP") && run.get(end - 3).tag().startsWith("NNP");
        if (end >= 2 && !nameTail && !PLAIN.contains(run.get(end - 2).word().toLowerCase(Locale.ROOT))) {
            CoreLabel before = run.get(end - 2);
            // Kept as written ("Syrian people", "Assad regime"), but for a capital that only starts the sentence.
            String modifier = before.word();
            if (before.index() == 1 && !before.tag().startsWith("NNP")) modifier = modifier.toLowerCase(Locale.ROOT);
            issue.forms.merge(modifier + " " + head.word(), 1, Integer::sum);
        }
    }

    private static boolean isCommonNoun(CoreLabel t) {
        return t.tag().equals("NN") || t.tag().equals("NNS");
    }

    /** Nouns of news reporting: what a story says about itself, not what it is about. */
    private static final Set<String> REPORTING = Set.of("agency", "reporter", "official", "spokesman", "spokeswoman",
            "correspondent", "statement", "source", "report", "comment", "interview", "news", "article", "story");

    private static final class Issue {
        final Map<String, Integer> forms = new LinkedHashMap<>();
        int count;

        /** The most frequent two-word form, the first seen on a tie; none if the noun never had a modifier. */
        java.util.Optional<String> best() {
            // max reduces with BinaryOperator.maxBy, which keeps the first of equals; forms keep the order seen.
            return forms.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
        }
    }

    private static List<CandidateTarget> top(List<CandidateTarget> all, int limit) {
        return all.stream().sorted(Comparator.comparingInt(CandidateTarget::mentions).reversed()).limit(limit).toList();
    }

    private static final class Name {
        final CandidateTarget.Kind kind;
        String longest = "";
        int count;

        Name(CandidateTarget.Kind kind) {
            this.kind = kind;
        }
    }
}
