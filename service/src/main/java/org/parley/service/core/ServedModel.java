package org.parley.service.core;

import org.parley.explain.TaggedExplainer;
import org.parley.score.Scorer;
import org.parley.service.api.ScoreResponse.ModelInfo;

/** A scorer and everything tied to it: its explainer and its provenance. Swapped as one. */
public record ServedModel(Scorer scorer, TaggedExplainer explainer, ModelInfo info) {}
