package org.parley.service.erasurelog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.ErasureLogs;
import org.parley.service.ParleyApplication;
import org.parley.service.ParleyConfiguration;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The service's lock on its erasure log, held by another process as a second service instance given the same {@code
 * PARLEY_ERASURE_LOG} finds it: refused, naming the directory and what to do. Until the forty-fifth session the second
 * started and rolled sites.log beside the first (StartUpTest: the running service holds it).
 */
class ErasureLogLockTest {
    @TempDir Path dir;

    /** Another process: holds the lock until its standard input ends. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            try (FileChannel held = ErasureLogLock.lock(Path.of(args[0]))) {
                System.out.println("held");
                System.out.flush();
                System.in.read();
            }
        }
    }

    @Test
    void aSecondProcessOnTheSameErasureLogIsRefusedNamingTheDirectoryAndTheLockGoesWithTheProcess() throws Exception {
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(jvm, "-cp", System.getProperty("java.class.path"), Holder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("held", out.readLine());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> ErasureLogLock.lock(dir));
            assertTrue(e.getMessage().startsWith("the erasure log " + dir + " is in use by another service instance, which holds "
                    + dir.resolve(ErasureLogLock.FILE) + ": give each instance on this machine its own PARLEY_ERASURE_LOG"), e.getMessage());
            // The likeliest way here is a second scripts/serve in one checkout (a newcomer's fourth audit), which no
            // PARLEY_ERASURE_LOG mends: the port would be the next refusal.
            assertTrue(e.getMessage().endsWith("; or, if it is this checkout's service started before, stop that one first"), e.getMessage());
            p.getOutputStream().close(); // the other process ends
            assertTrue(p.waitFor(1, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue());
        } finally {
            p.destroyForcibly();
        }
        try (FileChannel mine = ErasureLogLock.lock(dir)) { // let go with the process: no lock file to delete by hand
            assertTrue(mine.isOpen());
            // and in this process too, as a service started before in one JVM (tests) holds it
            assertThrows(IllegalStateException.class, () -> ErasureLogLock.lock(dir));
        }
    }

    /**
     * A start that fails after taking the lock (here a malformed key, refused before the models load) lets it go: in a
     * JVM that goes on, as the tests' does, the next service on the same erasure log would otherwise be refused as a
     * second instance. Until the forty-fifth session's merge the lock stayed held until the JVM exited.
     */
    @Test
    void aStartThatFailsLetsTheLockGo() throws Exception {
        ObjectNode config = (ObjectNode) ErasureLogs.YAML.readTree(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")).toFile());
        ErasureLogs.withErasureLog(config, dir.resolve("erasures"));
        Path file = Files.writeString(dir.resolve("config.yml"), ErasureLogs.YAML.writeValueAsString(config));
        DropwizardTestSupport<ParleyConfiguration> app = new DropwizardTestSupport<>(ParleyApplication.class, file.toString(),
                config("apiKeys", "short:website"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, app::before);
        assertTrue(e.getMessage().contains("at least 8 characters"), e.getMessage());
        app.after();
        try (FileChannel mine = ErasureLogLock.lock(dir.resolve("erasures"))) {
            assertTrue(mine.isOpen());
        }
    }
}
