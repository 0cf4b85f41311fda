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
    private static final Set<String> VAGUE = Set.of("way", "time", "thing", "lot", "people", "day", "part", "week", "end");

    private final StanfordCoreNLP pipeline;

    public TargetFinder() {
        NlpModels.require("target finding (NER)");
        Properties p = NlpModels.pipeline("tokenize,ssplit,pos,lemma,ner");
        p.setProperty("ner.model", NlpModels.NER_3CLASS);
        p.setProperty("ner.useSUTime", "false");
        p.setProperty("ner.applyNumericClassifiers", "false");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "true");
        this.pipeline = new StanfordCoreNLP(p);
    }

    /** Names first (most mentioned first), then issues; at most {@code limit} of each kind group. */
    public List<CandidateTarget> find(Article article, int limit) {
        String text = article.title() + ".\n\n" + (article.body() == null ? "" : article.body());
        CoreDocument doc = new CoreDocument(text);
        pipeline.annotate(doc);
        List<CandidateTarget> out = new ArrayList<>(top(names(doc), limit));
        out.addAll(top(issues(doc), limit));
        return out;
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

    /** Runs of adjectives and nouns ending in a common noun, counted on their lemmas; kept if they recur. */
    private static List<CandidateTarget> issues(CoreDocument doc) {
        Map<String, Issue> counts = new LinkedHashMap<>();
        for (var sentence : doc.sentences()) {
            List<CoreLabel> tokens = sentence.tokens();
            int start = -1;
            for (int i = 0; i <= tokens.size(); i++) {
                String tag = i < tokens.size() ? tokens.get(i).tag() : ".";
                boolean part = tag.startsWith("JJ") || tag.equals("NN") || tag.equals("NNS");
                if (part && start < 0) start = i;
                if (!part && start >= 0) {
                    addPhrase(tokens.subList(start, i), counts);
                    start = -1;
                }
            }
        }
        List<CandidateTarget> out = new ArrayList<>();
        counts.values().forEach(c -> {
            if (c.count >= 2) out.add(new CandidateTarget(c.surface, CandidateTarget.Kind.ISSUE, c.count));
        });
        return out;
    }

    /** Counts the last two words of a run ending in a noun: "possible military action" counts as "military action". */
    private static void addPhrase(List<CoreLabel> run, Map<String, Issue> counts) {
        int end = run.size();
        while (end > 0 && !run.get(end - 1).tag().startsWith("NN")) end--;
        if (end < 2) return;
        List<CoreLabel> head = run.subList(end - 2, end);
        String lemmas = head.get(0).get(CoreAnnotations.LemmaAnnotation.class).toLowerCase(Locale.ROOT) + " "
                + head.get(1).get(CoreAnnotations.LemmaAnnotation.class).toLowerCase(Locale.ROOT);
        if (VAGUE.contains(head.get(1).word().toLowerCase(Locale.ROOT))) return;
        Issue issue = counts.computeIfAbsent(lemmas, k -> new Issue(head.get(0).word().toLowerCase(Locale.ROOT) + " " + head.get(1).word()));
        issue.count++;
    }

    private static final class Issue {
        final String surface;
        int count;

        Issue(String surface) {
            this.surface = surface;
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
