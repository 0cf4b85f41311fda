package org.parley.service.erasurelog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** How the erasure log's archives are written: whole or not at all, whatever stops the process meanwhile. */
final class Archives {
    private static final Logger LOG = LoggerFactory.getLogger(Archives.class);

    private Archives() {}

    /**
     * The files of {@code dir}, sorted by name: none where it does not exist, or where it cannot be read, with a WARN
     * saying so and what it was read {@code for} (the files stay as they are; the next try reads them again).
     */
    static List<Path> files(Path dir, String forWhat) {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("cannot read the erasure log {} to {}: {}", dir, forWhat, e.toString());
            return List.of();
        }
    }

    /**
     * Puts {@code source}, gzip-compressed, at {@code gz} (over what is there): into a hidden {@code .gz} beside it
     * (--from-log DIR reads no file whose name begins with a dot), flushed to disk, renamed over {@code gz}, and the
     * directory flushed, so {@code gz} is the old file or the new one, never part of one. The caller deletes {@code
     * source} after, if it goes. A {@link java.nio.file.NoSuchFileException} when {@code source} is gone.
     */
    static void compressOver(Path source, Path gz) throws IOException {
        Path dir = gz.getParent();
        Path tmp = Files.createTempFile(dir, "." + gz.getFileName() + ".", ".tmp");
        try {
            try (FileOutputStream bytes = new FileOutputStream(tmp.toFile()); GZIPOutputStream out = new GZIPOutputStream(bytes, 65536)) {
                Files.copy(source, out);
                out.finish();
                bytes.getChannel().force(true);
            }
            Files.move(tmp, gz, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        forceDirectory(dir); // the rename on disk before the caller deletes the source
    }

    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // not every file system opens a directory (the rename is still done)
        }
    }
}
