package org.parley.targets;

/**
 * A phrase an article gives its readers to take a stance on.
 *
 * @param phrase   as it reads in the article ("Barack Obama", "military action")
 * @param kind     what it names
 * @param mentions how often the article mentions it (all forms of a name counted together)
 */
public record CandidateTarget(String phrase, Kind kind, int mentions) {
    public enum Kind { PERSON, ORGANIZATION, LOCATION, ISSUE }
}
