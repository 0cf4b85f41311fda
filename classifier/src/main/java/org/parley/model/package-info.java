/** The DL4J toxicity network, its calibration, and the model bundle that carries both with their provenance. */
package org.parley.model;
