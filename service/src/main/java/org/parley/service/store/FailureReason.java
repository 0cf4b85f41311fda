package org.parley.service.store;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why something failed, in one line: what the database's start-up error ({@link Database#cannotOpen}) and health check
 * say after their own words, and what the jar's commands print (cli.CommandErrors). Here, below them all, so that the
 * store and the health checks need nothing of the commands.
 */
public final class FailureReason {
    private FailureReason() {}

    /**
     * The first line of the deepest message: a driver's "Database may be already in use", not its wrapper's.
     * Java's file errors without a reason of their own carry only the path, so what is wrong is added.
     */
    public static String of(Throwable e) {
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
