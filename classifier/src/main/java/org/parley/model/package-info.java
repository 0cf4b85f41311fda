/**
 * The DL4J toxicity network, its calibration, and the model bundle that carries both with their provenance; the
 * text-pipeline fingerprint a bundle records ({@code PipelineFingerprint}) and its check at load ({@code PipelineCheck}).
 */
package org.parley.model;
