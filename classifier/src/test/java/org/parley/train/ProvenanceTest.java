package org.parley.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvenanceTest {

    /** The commit is the named checkout's, not the working directory's (here Parley's own checkout). */
    @Test
    void recordsTheCommitOfTheCheckoutTheScriptsName(@TempDir Path other) throws Exception {
        String head = repositoryWith(other, "a.txt");
        String own = run(Path.of("").toAbsolutePath(), "git", "rev-parse", "HEAD");
        assertNotEquals(own, head);

        String before = System.getProperty("parley.home");
        System.setProperty("parley.home", other.toString());
        try {
            ObjectNode p = Provenance.create("test", "1");
            assertEquals(head, p.path("code").path("commit").asText());
            assertEquals(false, p.path("code").path("uncommittedChanges").asBoolean(true));
        } finally {
            if (before == null) System.clearProperty("parley.home");
            else System.setProperty("parley.home", before);
        }
    }

    /** An untracked source file builds the model as much as a changed one; untracked notes or runs do not. */
    @Test
    void anUntrackedSourceFileIsAnUncommittedChange(@TempDir Path other) throws Exception {
        repositoryWith(other, "pom.xml");
        Files.writeString(other.resolve("notes.txt"), "not code");
        String before = System.getProperty("parley.home");
        System.setProperty("parley.home", other.toString());
        try {
            assertEquals(false, Provenance.create("test", "1").path("code").path("uncommittedChanges").asBoolean(true));
            Files.createDirectories(other.resolve("classifier/src/main/java/org/parley"));
            Files.writeString(other.resolve("classifier/src/main/java/org/parley/New.java"), "class New {}");
            assertEquals(true, Provenance.create("test", "1").path("code").path("uncommittedChanges").asBoolean(false));
            // A data scientist's third audit: "true" alone said nothing of what had changed.
            Files.writeString(other.resolve("pom.xml"), "<project/>\n");
            assertEquals("[\"pom.xml\",\"classifier/src/main/java/org/parley/New.java\"]",
                    Provenance.create("test", "1").path("code").path("changedFiles").toString(), "changed and new code, not notes.txt");
        } finally {
            if (before == null) System.clearProperty("parley.home");
            else System.setProperty("parley.home", before);
        }
        assertEquals(List.of("training-data/README.md"), Provenance.changedFiles(" M training-data/README.md\n"), "a tracked change anywhere");
        assertEquals(List.of("scripts/new tool"), Provenance.changedFiles("?? \"scripts/new tool\"\n"), "quoted paths too");
    }

    /** Without parley.home, the checkout the classes were built in: this one. */
    @Test
    void withoutParleyHomeRecordsTheCheckoutOfTheClasses() throws Exception {
        String before = System.getProperty("parley.home");
        System.clearProperty("parley.home");
        try {
            String own = run(Path.of("").toAbsolutePath(), "git", "rev-parse", "HEAD");
            assertEquals(own, Provenance.create("test", "1").path("code").path("commit").asText());
            assertEquals(run(Provenance.codeDirectory(), "git", "rev-parse", "--show-toplevel"),
                    run(Path.of("").toAbsolutePath(), "git", "rev-parse", "--show-toplevel"));
        } finally {
            if (before != null) System.setProperty("parley.home", before);
        }
    }

    /** A new repository in {@code dir} with one committed file; returns the commit. */
    private static String repositoryWith(Path dir, String file) throws IOException, InterruptedException {
        run(dir, "git", "init", "-q");
        Files.writeString(dir.resolve(file), "a");
        run(dir, "git", "add", file);
        run(dir, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one");
        return run(dir, "git", "rev-parse", "HEAD");
    }

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }
}
