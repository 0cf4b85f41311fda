package org.parley.service.core;

import org.parley.service.api.ScoreResponse.ModelInfo;
import org.parley.stance.StanceModel;

/** The stance bundle being served and its provenance (checksum: SHA-256 of the bundle file). Swapped as one. */
public record ServedStance(StanceModel model, ModelInfo info) {}
