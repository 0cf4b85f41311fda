package org.parley.service.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * scripts/export-decisions itself, in a copy of the checkout whose build step does nothing and whose
 * {@code java} prints the arguments it was given: which files the command is asked to read and write.
 */
class ExportDecisionsScriptTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "export-decisions").toAbsolutePath().normalize();

    @TempDir Path dir;

    @Test
    void relativeFilesAreTheCallersAndTheDefaultsTheCheckouts() throws Exception {
        Path checkout = dir.resolve("checkout");
        Files.createDirectories(checkout.resolve("scripts/lib"));
        Files.copy(SCRIPT, checkout.resolve("scripts/export-decisions"));
        executable(checkout.resolve("scripts/export-decisions"), "");
        executable(checkout.resolve("scripts/lib/build-service"), "#!/bin/sh\nexit 0\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        executable(bin.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$PWD\" \"$@\"\n");
        Path caller = Files.createDirectories(dir.resolve("elsewhere"));

        List<String> given = run(caller, bin, checkout.resolve("scripts/export-decisions").toString(),
                "--out", "mine.jsonl", "--config", "my.yml");
        assertEquals(checkout.toString(), given.get(0), "run from the checkout, for config.yml's ./runs database");
        assertEquals(caller.resolve("my.yml").toString(), given.get(given.indexOf("export-decisions") + 1));
        assertEquals(caller.resolve("mine.jsonl").toString(), given.get(given.indexOf("--out") + 1),
                "was the checkout's mine.jsonl, while the summary named mine.jsonl");

        List<String> defaults = run(caller, bin, checkout.resolve("scripts/export-decisions").toString(), "--out", "/tmp/x.jsonl");
        assertEquals("service/config.yml", defaults.get(defaults.indexOf("export-decisions") + 1));
        assertEquals("/tmp/x.jsonl", defaults.get(defaults.indexOf("--out") + 1), "an absolute path is kept");
    }

    private static void executable(Path file, String text) throws Exception {
        if (!text.isEmpty()) Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static List<String> run(Path cwd, Path bin, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().toList();
    }
}
