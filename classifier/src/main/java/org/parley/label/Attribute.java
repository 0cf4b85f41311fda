package org.parley.label;

/** The six toxicity attributes Parley scores, in the order the model outputs them. */
public enum Attribute {
    TOXICITY,
    SEVERE_TOXICITY,
    IDENTITY_ATTACK,
    INSULT,
    PROFANITY,
    THREAT;

    public static final int COUNT = values().length;
}
