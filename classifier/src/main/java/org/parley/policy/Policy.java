package org.parley.policy;

import org.parley.score.SentenceScores;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.SEVERE_TOXICITY;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

/**
 * Moderation rules as score bands per attribute, after Jigsaw's Moderator: every band whose range
 * holds the score fires; if all fired bands agree, theirs is the action; if they disagree, a human
 * decides (REVIEW); if none fires, the default action. Two more kinds of rule read no score, and
 * fire, agreeing or disagreeing, as a band would: a comment in another language than English, which
 * the models read as English and so score low whatever it says, gets {@code otherLanguage} (null: no
 * such rule); a comment holding a phrase of one of the {@link PhraseRule}s gets that rule's action.
 * A comment the rules so far publish gets a second look from the bands marked {@link Band#secondLook}, then from
 * the {@link SentenceRule} (null: none), which fires as a band would when its worst sentence alone scores high.
 */
public final class Policy {
    private final List<Band> bands;
    /** Each band's {@link Band#toString}, written once: String.format was a few kB of garbage per comment decided. */
    private final List<String> bandRules;
    private final Action otherwise;
    private final Action otherLanguage;
    private final List<PhraseIndex> phraseIndexes;
    private final SentenceRule sentences;
    /** The bands' indexes: those read first, and the second looks ({@link Band#secondLook}). */
    private final int[] firstLooks, secondLooks;

    public Policy(List<Band> bands, Action otherwise, Action otherLanguage) {
        this(bands, otherwise, otherLanguage, List.of(), null);
    }

    public Policy(List<Band> bands, Action otherwise, Action otherLanguage, List<PhraseRule> phrases, SentenceRule sentences) {
        this.sentences = sentences;
        this.bands = List.copyOf(bands);
        this.bandRules = this.bands.stream().map(Band::toString).toList();
        this.firstLooks = IntStream.range(0, this.bands.size()).filter(i -> !this.bands.get(i).secondLook()).toArray();
        this.secondLooks = IntStream.range(0, this.bands.size()).filter(i -> this.bands.get(i).secondLook()).toArray();
        this.otherwise = otherwise;
        this.otherLanguage = otherLanguage;
        // rules names a list by its name: two lists of one name (a site's copy of the shipped one, say) could not be told apart
        Set<String> names = new HashSet<>();
        for (PhraseRule r : phrases)
            if (!names.add(r.name())) throw new IllegalArgumentException("two phrase rules are named '" + r.name() + "': give each its own name");
        this.phraseIndexes = phrases.stream().map(PhraseIndex::new).toList();
    }

    /**
     * The shipped policy (docs/scoring-api.md, "Policy"): TOXICITY below 0.2 publishes, 0.5–0.9 goes to review,
     * 0.9 and above is rejected; SEVERE_TOXICITY ≥ 0.5 rejects; IDENTITY_ATTACK ≥ 0.5 and THREAT
     * ≥ 0.2 go to review (identity words still raise scores of friendly comments, and threats need a
     * human's judgement: the few THREAT labels leave explicit threats scored low, and at 0.2 the
     * policy holds 70 of the dev split's 102 threats where 0.5 held 59, for 32 more of its 10,623
     * non-toxic comments held, docs/scoring-api.md, "Policy"); so do a comment in another language and one that
     * holds a phrase of {@link PhraseRule#threats()}, and one whose worst sentence scores TOXICITY ≥ 0.6
     * alone ({@link SentenceRule#standard()}), and, as a second look ({@link Band#secondLook}), one with INSULT ≥ 0.8: an
     * insult the model is sure of while its TOXICITY stays in the unbanded 0.2–0.5 ("What a moron." 0.47, INSULT 0.96);
     * on dev it holds 185 more INSULT-labelled comments for 17 more labelled not insulting, and turns no REJECT into a
     * REVIEW, where a plain band would turn 299 of 1,823. Anything else publishes.
     */
    public static Policy standard() {
        return new Policy(List.of(
                new Band(TOXICITY, 0.0, 0.2, Action.PUBLISH),
                new Band(TOXICITY, 0.5, 0.9, Action.REVIEW),
                new Band(TOXICITY, 0.9, 1.0, Action.REJECT),
                new Band(SEVERE_TOXICITY, 0.5, 1.0, Action.REJECT),
                new Band(IDENTITY_ATTACK, 0.5, 1.0, Action.REVIEW),
                new Band(THREAT, 0.2, 1.0, Action.REVIEW),
                new Band(INSULT, 0.8, 1.0, Action.REVIEW, true)), Action.PUBLISH, Action.REVIEW, List.of(PhraseRule.threats()), SentenceRule.standard());
    }

    public List<Band> bands() {
        return bands;
    }

    public Action otherwise() {
        return otherwise;
    }

    /** Null when comments in another language are decided by their scores alone. */
    public Action otherLanguage() {
        return otherLanguage;
    }

    public List<PhraseRule> phrases() {
        return phraseIndexes.stream().map(PhraseIndex::rule).toList();
    }

    /** Null when no sentence is read alone. */
    public SentenceRule sentences() {
        return sentences;
    }

    /** On the scores alone: for a comment read as English, with no phrase or sentence rule read. */
    public Decision decide(float[] probabilities) {
        return decide(probabilities, null, null);
    }

    /**
     * @param probabilities indexed by {@code Attribute.ordinal()}
     * @param language      the ISO 639-1 code of the comment's language when it is not English, else null
     * @param text          the comment, for the phrase rules; null: they are not read
     */
    public Decision decide(float[] probabilities, String language, String text) {
        List<String> fired = new ArrayList<>();
        Set<Action> actions = EnumSet.noneOf(Action.class);
        fire(firstLooks, probabilities, fired, actions);
        boolean byLanguage = language != null && otherLanguage != null && otherLanguage != Action.PUBLISH;
        if (language != null && otherLanguage != null) {
            fired.add("language " + language + " (not English) -> " + otherLanguage);
            actions.add(otherLanguage);
        }
        boolean byPhrase = false;
        if (text != null && !phraseIndexes.isEmpty()) {
            String read = PhraseRule.normalise(text);
            for (PhraseIndex index : phraseIndexes) {
                PhraseRule r = index.rule();
                java.util.Optional<String> p = index.match(read);
                if (p.isEmpty()) continue;
                fired.add("phrase \"" + p.get() + "\" (" + r.name() + ") -> " + r.action());
                actions.add(r.action());
                byPhrase |= r.action() != Action.PUBLISH;
            }
        }
        // Second-look bands read only a comment the rules above publish (Band#secondLook), as the sentence rule does.
        if (secondLooks.length > 0 && action(actions) == Action.PUBLISH) fire(secondLooks, probabilities, fired, actions);
        return new Decision(action(actions), List.copyOf(fired), actions.size() > 1, null, byPhrase, byLanguage);
    }

    /** Adds the bands of these indexes that hold the scores to what fired. */
    private void fire(int[] indexes, float[] probabilities, List<String> fired, Set<Action> actions) {
        for (int i : indexes) {
            Band b = bands.get(i);
            if (b.matches(probabilities)) {
                fired.add(bandRules.get(i));
                actions.add(b.action());
            }
        }
    }

    /**
     * As {@link #decide(float[], String, String)}, then the sentence rule's look.
     *
     * @param sentences the comment's sentences scored alone ({@link SentenceScores#of}), asked for only when
     *                  {@link #readsSentences} the decision so far; null: not read
     */
    public Decision decide(float[] probabilities, String language, String text, Supplier<List<SentenceScores.Scored>> sentences) {
        Decision d = decide(probabilities, language, text);
        return sentences != null && readsSentences(d) ? withSentences(d, sentences.get()) : d;
    }

    /** Whether the sentence rule reads the comment of this decision: there is one, and the other rules publish it. */
    public boolean readsSentences(Decision d) {
        return sentences != null && d.action() == Action.PUBLISH && d.sentence() == null;
    }

    /**
     * The decision once the sentence rule has read the comment's sentences; one it does not read ({@link #readsSentences})
     * is returned as it is. The rule fires as a band would: beside publish bands that fired, it disagrees.
     */
    public Decision withSentences(Decision d, List<SentenceScores.Scored> scored) {
        SentenceScores.Scored worst = readsSentences(d) ? sentences.fires(scored) : null;
        if (worst == null) return d;
        List<String> fired = new ArrayList<>(d.fired());
        fired.add(sentences.describe(worst));
        // A decision that publishes had only publish rules fired, or none (the default action).
        Set<Action> actions = d.fired().isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.of(Action.PUBLISH);
        actions.add(sentences.action());
        return new Decision(action(actions), List.copyOf(fired), actions.size() > 1, worst, d.byPhrase(), d.byLanguage());
    }

    private Action action(Set<Action> actions) {
        return actions.isEmpty() ? otherwise
                : actions.size() == 1 ? actions.iterator().next()
                : Action.REVIEW;
    }

    /**
     * The action, the rules that fired (as {@link Band#toString}, the language, phrase and sentence rules write them),
     * whether they disagreed, the sentence that fired the sentence rule (null when it did not fire), and whether a
     * phrase rule or the language rule held the comment (fired with an action other than PUBLISH), whatever its scores.
     */
    public record Decision(Action action, List<String> fired, boolean disagreed, SentenceScores.Scored sentence,
                           boolean byPhrase, boolean byLanguage) {}
}
