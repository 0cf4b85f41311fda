package org.parley.service.cli;

import io.dropwizard.core.cli.Cli;

/**
 * How the service jar's own commands (add-moderator, export-decisions) report a failure to the
 * person at the terminal: one line naming the problem, not Dropwizard's stack trace (which
 * PARLEY_DEBUG brings back).
 */
public final class CommandErrors {
    private CommandErrors() {}

    public static void print(Cli cli, String command, Throwable e) {
        cli.getStdErr().println(command + ": " + reason(e));
        if (System.getenv("PARLEY_DEBUG") != null) e.printStackTrace(cli.getStdErr());
    }

    /** The first line of the deepest message: a driver's "Database may be already in use", not its wrapper's. */
    public static String reason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause())
            if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
        if (message == null) return e.getClass().getSimpleName();
        return message.strip().lines().findFirst().orElse(message).strip();
    }
}
