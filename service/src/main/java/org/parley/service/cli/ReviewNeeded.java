package org.parley.service.cli;

/**
 * A command did all it was asked, but found something the operator must look at (scripts/erase --from-log: cut erasure
 * lines, whose neighbours a full disk may have lost): exit 3, apart from a failure (1) and refused input (2), so that a
 * restore's script stops there, and a second run that finds the same exits 3 again until the log is mended.
 */
public final class ReviewNeeded extends RuntimeException {
    public ReviewNeeded(String message) {
        super(message);
    }
}
