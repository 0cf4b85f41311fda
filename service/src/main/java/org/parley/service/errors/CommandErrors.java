package org.parley.service.errors;

import io.dropwizard.core.cli.Cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

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

    /**
     * The first line of the deepest message: a driver's "Database may be already in use", not its wrapper's.
     * Java's file errors without a reason of their own carry only the path, so what is wrong is added.
     */
    public static String reason(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof FileSystemException f && f.getReason() == null) message = f.getMessage() + ": " + what(f);
            else if (t.getMessage() != null && !t.getMessage().isBlank()) message = t.getMessage();
        if (message == null) return e.getClass().getSimpleName();
        return message.strip().lines().findFirst().orElse(message).strip();
    }

    private static String what(FileSystemException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof FileAlreadyExistsException) return "already exists";
        if (e instanceof NotDirectoryException) return "not a directory";
        return e.getClass().getSimpleName();
    }
}
