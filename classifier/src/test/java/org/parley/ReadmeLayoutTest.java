package org.parley;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Layout table names every package of both modules, so that a newcomer reading it sees the whole system:
 * until the forty-sixth session it left out the service's {@code access} (forty-fourth session) and {@code erasurelog}.
 */
class ReadmeLayoutTest {
    @Test
    void theLayoutRowOfEachModuleNamesEveryPackage() throws IOException {
        Path root = DocsLinksTest.repositoryRoot();
        List<String> readme = Files.readAllLines(root.resolve("README.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        missing.addAll(missing(row(readme, "classifier/"), packages(root.resolve("classifier/src/main/java/org/parley"))));
        missing.addAll(missing(row(readme, "service/"), packages(root.resolve("service/src/main/java/org/parley/service"))));
        assertTrue(missing.isEmpty(), "packages the README's Layout does not name: " + missing);
    }

    @Test
    void aPackageTheRowDoesNotNameIsReported() {
        assertTrue(missing("| `service/` | `auth` → `store`; `api` records |", List.of("auth", "store", "api")).isEmpty());
        assertTrue(missing("| `service/` | `auth` → `store`; `api` records |", List.of("auth", "access")).equals(List.of("access")));
    }

    private static String row(List<String> readme, String folder) {
        return readme.stream().filter(l -> l.startsWith("| `" + folder + "` |")).findFirst()
                .orElseThrow(() -> new AssertionError("no Layout row for " + folder));
    }

    private static List<String> packages(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> missing(String row, List<String> packages) {
        return packages.stream().filter(p -> !row.contains("`" + p + "`")).toList();
    }
}
