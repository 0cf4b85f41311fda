/** Training: the Trainer (masked loss, epoch selection, calibration) and the provenance written into bundles. */
package org.parley.train;
