package org.parley.service.core;

import org.parley.model.PipelineCheck;
import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.stance.StanceModel;

/** The stance bundle being served and its provenance (checksum: SHA-256 of the bundle file) and its
 * text-pipeline check. Swapped as one. */
public record ServedStance(StanceModel model, ModelInfo info, PipelineCheck textPipeline) {}
