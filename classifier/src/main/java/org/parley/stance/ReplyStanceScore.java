package org.parley.stance;

import java.util.Map;
import org.parley.label.ReplyStance;

/** What a reply does to its parent: the most probable label and all four probabilities. */
public record ReplyStanceScore(ReplyStance label, Map<ReplyStance, Double> probabilities) {}
