package org.parley.service.cli;

import io.dropwizard.core.cli.Cli;
import org.parley.service.store.FailureReason;

/**
 * How the service jar's own commands (add-moderator, export-decisions) report a failure to the
 * person at the terminal: one line naming the problem ({@link FailureReason#of}, which a command
 * calls itself for a reason after words of its own), not Dropwizard's stack trace (which
 * PARLEY_DEBUG brings back).
 */
public final class CommandErrors {
    private CommandErrors() {}

    public static void print(Cli cli, String command, Throwable e) {
        cli.getStdErr().println(command + ": " + FailureReason.of(e));
        if (System.getenv("PARLEY_DEBUG") != null) e.printStackTrace(cli.getStdErr());
    }
}
