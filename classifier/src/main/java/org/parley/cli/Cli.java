package org.parley.cli;

import picocli.CommandLine;

/** Runs a picocli command so that an expected failure prints one line naming the problem, not a stack trace. */
public final class Cli {
    private Cli() {}

    public static int execute(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + e.getMessage());
            if (System.getenv("PARLEY_DEBUG") != null) e.printStackTrace(line.getErr());
            return 2;
        });
        return cl.execute(args);
    }
}
