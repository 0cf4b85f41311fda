package org.parley.service.core;

import org.parley.explain.TaggedExplainer;
import org.parley.model.PipelineCheck;
import org.parley.score.Scorer;
import org.parley.service.api.ScoreResponse.ModelInfo;

/**
 * A scorer and everything tied to it: its explainer, its provenance and its text-pipeline check. Swapped as one, so
 * the check an admin reads is always the served bundle's, across a reload.
 *
 * @param textPipeline       the toxicity bundle's text-pipeline check
 * @param taggerTextPipeline the span tagger's; null when the tagger is off ({@code spans.tagger: false})
 */
public record ServedModel(Scorer scorer, TaggedExplainer explainer, ModelInfo info, PipelineCheck textPipeline,
                          PipelineCheck taggerTextPipeline) {}
