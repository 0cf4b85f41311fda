package org.parley.service.core;

import com.google.common.base.Suppliers;
import org.parley.stance.StanceLimits;
import org.parley.targets.CandidateTarget;
import org.parley.targets.TargetFinder;
import org.parley.thread.Article;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The targets a thread is scored on: the caller's, or a few proposed from its article by
 * {@link TargetFinder} (named people, organisations, places and recurring issue phrases).
 */
public final class ThreadTargets {
    /** Proposed targets: each costs one stance prediction per comment. */
    public static final int MAX_PROPOSED = 5;
    /** Of those, at most this many issue phrases: names alone would crowd out "military action". */
    static final int MAX_ISSUES = 2;

    private final Function<Article, List<CandidateTarget>> finder;
    private final Runnable load;

    /** @param finder an article's candidates, names first, most mentioned first within names and within issues */
    public ThreadTargets(Function<Article, List<CandidateTarget>> finder) {
        this(finder, () -> {});
    }

    /** @param load loads what the finder needs, if it is not loaded yet ({@link #prepare}) */
    public ThreadTargets(Function<Article, List<CandidateTarget>> finder, Runnable load) {
        this.finder = finder;
        this.load = load;
    }

    /** CoreNLP's NER, loaded (~3 s, ~230 MB) when a thread first comes without targets, then shared. */
    public static ThreadTargets coreNlp() {
        Supplier<TargetFinder> finder = Suppliers.memoize(TargetFinder::new);
        // TargetFinder is thread-safe: only the load is serialised
        return new ThreadTargets(article -> finder.get().find(article, MAX_PROPOSED), finder::get);
    }

    /**
     * Loads the finder when targets will be proposed ({@code given} null) and it is not loaded yet; called before the
     * scoring lane's turn, so the first such thread waits for NER's ~3 s load holding no turn: in the turn, the load
     * held the lane's units and every request behind it waited too.
     */
    public void prepare(List<String> given) {
        if (given == null) load.run();
    }

    /** @param proposed false when the caller gave the targets */
    public record Used(List<String> targets, boolean proposed) {}

    /** @param given the caller's targets, already checked, or null to propose them */
    public Used choose(List<String> given, Article article) {
        if (given != null) return new Used(given.stream().map(StanceLimits::phrase).toList(), false);  // as the stance answer names them
        return new Used(pick(finder.apply(article), MAX_PROPOSED), true);
    }

    /**
     * Up to {@code max} phrases: the leading names, then up to {@link #MAX_ISSUES} issues, at most half (fewer
     * names when there are issues, more when there are not), without repeats, over-long phrases or control characters
     * (which the stance model refuses).
     */
    static List<String> pick(List<CandidateTarget> found, int max) {
        List<String> names = new ArrayList<>();
        List<String> issues = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CandidateTarget c : found) {
            String phrase = StanceLimits.phrase(c.phrase());
            if (phrase.isEmpty() || phrase.length() > StanceLimits.MAX_TARGET_CHARS || StanceLimits.control(phrase) >= 0
                    || !seen.add(StanceLimits.sameness(phrase))) continue;
            (c.kind() == CandidateTarget.Kind.ISSUE ? issues : names).add(phrase);
        }
        int issueCount = Math.min(issues.size(), Math.min(MAX_ISSUES, max / 2));
        int nameCount = Math.min(names.size(), max - issueCount);
        issueCount = Math.min(issues.size(), max - nameCount);
        List<String> out = new ArrayList<>(names.subList(0, nameCount));
        out.addAll(issues.subList(0, issueCount));
        return out;
    }
}
