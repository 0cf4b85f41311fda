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
    /**
     * Per corpus and attribute, how many rows are labelled and how many of them positive, 0 included: a data scientist's
     * fifth audit found "positive" left out where no row was, and a script reading it failed.
     */
    @Test
    void eachLabelledAttributeCountsItsPositivesZeroIncluded() {
        List<org.parley.corpus.Example> train = List.of(
                new org.parley.corpus.Example("a", "1", "you idiot", org.parley.label.Labels.none().with(org.parley.label.Attribute.TOXICITY, 1)),
                new org.parley.corpus.Example("a", "2", "nice one", org.parley.label.Labels.none().with(org.parley.label.Attribute.TOXICITY, 0)
                        .with(org.parley.label.Attribute.THREAT, 0)));
        List<org.parley.corpus.Example> dev = List.of(
                new org.parley.corpus.Example("a", "3", "thanks", org.parley.label.Labels.none().with(org.parley.label.Attribute.TOXICITY, 0)));
        ObjectNode counts = Provenance.labelMapping(train, dev);
        assertEquals(2, counts.at("/a/train").asInt());
        assertEquals(1, counts.at("/a/dev").asInt());
        assertEquals("{\"labelled\":3,\"positive\":1}", counts.at("/a/labels/TOXICITY").toString(), "both splits: " + counts);
        assertEquals("{\"labelled\":1,\"positive\":0}", counts.at("/a/labels/THREAT").toString(), counts.toString());
        assertEquals(false, counts.at("/a/labels").has("INSULT"), "an attribute no row labels is not counted");
    }

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
        // A tracked change anywhere, and a path with a space named as it is (not quoted as git status writes it).
        Files.createDirectories(other.resolve("scripts"));
        Files.writeString(other.resolve("scripts/new tool"), "echo\n");
        Files.writeString(other.resolve("notes.txt"), "changed notes\n");
        run(other, "git", "add", "notes.txt");
        run(other, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "notes");
        Files.writeString(other.resolve("notes.txt"), "changed again\n");
        assertEquals(List.of("notes.txt", "pom.xml", "classifier/src/main/java/org/parley/New.java", "scripts/new tool"),
                Checkout.of(other).changedFiles());
    }

    /**
     * A data scientist's third audit: changedFiles named the files, not what they held, so a bundle trained from a
     * changed checkout could not be rebuilt. The patch a bundle carries, applied to the commit, gives back the tree:
     * a changed and a deleted tracked file, new code (a path with a space, executable); a file whose part would be
     * over the cap is left out, named with its size and SHA-256, and notes beside the code are not code.
     */
    @Test
    void thePatchABundleCarriesAppliedToTheCommitGivesBackTheChangedTree(@TempDir Path dir) throws Exception {
        Path work = Files.createDirectories(dir.resolve("work"));
        String commit = repositoryWith(work, "pom.xml");
        Files.createDirectories(work.resolve("classifier/src"));
        Files.writeString(work.resolve("classifier/src/Old.java"), "class Old {\n  int a = 1;\n}\n");
        Files.write(work.resolve("classifier/src/data.bin"), new byte[] {0, 1, 2, (byte) 255, 0, 7});
        Files.writeString(work.resolve("gone.txt"), "to be deleted\n");
        run(work, "git", "add", "-A");
        run(work, "git", "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "two");
        commit = run(work, "git", "rev-parse", "HEAD");

        Files.writeString(work.resolve("classifier/src/Old.java"), "class Old {\n  int a = 2; // changed\n}\n");
        Files.write(work.resolve("classifier/src/data.bin"), new byte[] {9, 0, 2, (byte) 254});
        Files.delete(work.resolve("gone.txt"));
        Files.createDirectories(work.resolve("scripts"));
        Path tool = Files.writeString(work.resolve("scripts/new tool"), "#!/bin/sh\necho new\n");
        tool.toFile().setExecutable(true);
        Files.writeString(work.resolve("classifier/src/New.java"), "class New {}\n");
        byte[] big = new byte[Checkout.MAX_FILE_PATCH + 10];
        java.util.Arrays.fill(big, (byte) 'x');
        Files.write(work.resolve("classifier/src/Big.txt"), big);
        Files.writeString(work.resolve("notes.txt"), "not code\n");

        Checkout checkout = Checkout.of(work);
        ObjectNode p = Provenance.create("test", "1", checkout);
        com.fasterxml.jackson.databind.JsonNode code = p.get("code");
        assertEquals(commit, code.get("commit").asText());
        assertEquals("[\"classifier/src/Old.java\",\"classifier/src/data.bin\",\"gone.txt\",\"classifier/src/Big.txt\","
                + "\"classifier/src/New.java\",\"scripts/new tool\"]", code.get("changedFiles").toString());
        com.fasterxml.jackson.databind.JsonNode patch = code.get("uncommittedPatch");
        assertEquals(Checkout.ENTRY, patch.get("entry").asText());
        assertEquals("git checkout " + commit + " && unzip -p BUNDLE.zip " + Checkout.ENTRY + " | git apply", patch.get("apply").asText());
        assertEquals(1, patch.get("leftOut").size(), patch.toString());
        assertEquals("classifier/src/Big.txt", patch.at("/leftOut/0/file").asText());
        assertEquals(big.length, patch.at("/leftOut/0/bytes").asLong());
        assertEquals(org.parley.model.BundleFile.sha256(big), patch.at("/leftOut/0/sha256").asText());

        // Through a bundle: the entry is there, and its hash is the one the provenance gives.
        Path bundle = dir.resolve("m.zip");
        org.parley.model.ModelBundle tiny = org.parley.model.TinyBundles.create();
        new org.parley.model.ModelBundle(tiny.network(), tiny.features(), tiny.calibration(), p).save(bundle, checkout.entries());
        byte[] carried;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(bundle.toFile())) {
            carried = zip.getInputStream(zip.getEntry(Checkout.ENTRY)).readAllBytes();
        }
        assertEquals(patch.get("sha256").asText(), org.parley.model.BundleFile.sha256(carried));
        assertEquals("test", org.parley.model.ModelBundle.load(bundle).name(), "a bundle with the entry loads");

        // git checkout COMMIT && git apply, in a clone: the tree as it was trained, but the file left out.
        Path copy = dir.resolve("copy");
        run(dir, "git", "clone", "-q", work.toString(), copy.toString());
        run(copy, "git", "checkout", "-q", commit);
        Path patchFile = Files.write(dir.resolve("uncommitted.patch"), carried);
        run(copy, "git", "apply", patchFile.toString());
        for (String f : List.of("classifier/src/Old.java", "classifier/src/data.bin", "classifier/src/New.java", "scripts/new tool", "pom.xml"))
            org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(work.resolve(f)), Files.readAllBytes(copy.resolve(f)), f);
        assertEquals(false, Files.exists(copy.resolve("gone.txt")), "the deletion is applied");
        assertEquals(true, Files.isExecutable(copy.resolve("scripts/new tool")), "the mode is kept");
        assertEquals(false, Files.exists(copy.resolve("classifier/src/Big.txt")), "left out, as the provenance says");
        assertEquals(false, Files.exists(copy.resolve("notes.txt")), "notes are not code");

        // A clean checkout, seen from a folder inside it as the classes' is: no patch, no entry.
        Path clean = dir.resolve("clean");
        run(dir, "git", "clone", "-q", work.toString(), clean.toString());
        Checkout none = Checkout.of(Files.createDirectories(clean.resolve("classifier")));
        assertEquals(List.of(), none.changedFiles());
        assertEquals(java.util.Map.of(), none.entries());
        assertEquals(false, Provenance.create("test", "1", none).path("code").has("uncommittedPatch"));
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
