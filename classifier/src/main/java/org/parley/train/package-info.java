/**
 * Training: the Trainer (masked loss, epoch selection, calibration); the rows added to the training split only (made
 * rows: {@code Counterfactuals}, {@code ShortTexts}; labelled files: {@code IncludedFiles}); and the provenance
 * written into bundles ({@code Provenance}, {@code Checkout}).
 */
package org.parley.train;
