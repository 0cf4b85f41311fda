package org.parley.service.erasurelog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
}
