package org.parley.service.store;

import org.junit.jupiter.api.Test;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FailureReasonTest {
    /** Java's file errors carry only the path: "export-decisions: /proc/x" said where, not what was wrong. */
    @Test
    void aFileErrorSaysWhatIsWrongWithThePath() {
        assertEquals("/proc/x: no such file or directory",
                FailureReason.of(new IllegalStateException("wrapped", new NoSuchFileException("/proc/x"))));
        assertEquals("/root/out.jsonl: permission denied", FailureReason.of(new AccessDeniedException("/root/out.jsonl")));
        assertEquals("a.part -> b: Is a directory",
                FailureReason.of(new java.nio.file.FileSystemException("a.part", "b", "Is a directory")), "a reason of its own is kept");
        assertEquals("FATAL: database \"x\" does not exist", FailureReason.of(new RuntimeException("FATAL: database \"x\" does not exist\n  more")));
        assertEquals("models: already exists", FailureReason.of(new FileAlreadyExistsException("models")));
        assertEquals("out.jsonl: not a directory", FailureReason.of(new NotDirectoryException("out.jsonl")));
        assertEquals("runs: DirectoryNotEmptyException", FailureReason.of(new DirectoryNotEmptyException("runs")), "one without words of ours");
    }

    @Test
    void withoutAnyMessageTheOutermostErrorsKindIsSaid() {
        assertEquals("IllegalStateException", FailureReason.of(new IllegalStateException(null, new RuntimeException(" "))));
        assertEquals("deeper", FailureReason.of(new IllegalStateException("outer", new RuntimeException("\n deeper \n"))),
                "the deepest message with words, its first line stripped");
    }
}
