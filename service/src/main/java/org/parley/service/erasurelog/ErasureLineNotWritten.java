package org.parley.service.erasurelog;

/**
 * An erasure line that the erasure log did not take whole and on the disk ({@link ForcedLines}): thrown from the logger's
 * call that wrote it, so that the erasure is not answered as logged. Its message names the file and what went wrong.
 */
public final class ErasureLineNotWritten extends IllegalStateException {
    ErasureLineNotWritten(String message, Throwable cause) {
        super(message, cause);
    }
}
