package org.parley.stance;

import java.util.Map;
import org.parley.label.Stance;

/** The stance of one comment on one target: the most probable label and all three probabilities. */
public record TargetStance(String target, Stance label, Map<Stance, Double> probabilities) {}
