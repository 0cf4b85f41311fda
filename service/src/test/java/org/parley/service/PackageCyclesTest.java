package org.parley.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;

/**
 * Data flows one way (docs/architecture.md), so packages should not import each other in a circle.
 * The JDK's jdeps reads which classes each compiled class refers to, in both modules (the service's
 * test classpath holds the classifier's classes too). A new cycle fails here; so does one removed,
 * so that the list below stays the list of what is left.
 */
class PackageCyclesTest {
    /**
     * The cycle left, waiting on a redesign rather than a move: the application and its configuration,
     * which the jar's commands read (Dropwizard's shape). (The store and moderation were one while
     * moderation's ingestion stored through the store that reads and writes moderation's records; it
     * moved to intake. Errors naming the role a 403 needs, while auth's filters throw errors, was one
     * until the role's refusal moved to auth.RoleRefusalMapper. Export was in this one while it held its command; the
     * command moved to cli in the forty-first session.)
     */
    private static final Set<Set<String>> LEFT = Set.of(
            Set.of("service", "service.cli"));

    /**
     * Imports against the flow that make no cycle, so the test above misses them: package → the packages above it that
     * it must not import. The store and the health checks sit below the jar's commands (cli) and the answers' errors
     * (errors); until the forty-fourth session both read a failure's reason through errors.CommandErrors, the commands'.
     * The store sits below the requests' gate (auth) too: the roles and sites it keeps with accounts, and narrows
     * comments by, are access's, which auth gives callers (in auth until the forty-fourth session). Moderation's records
     * and rules sit below auth too, taking the caller's role from access (auth.Caller until the forty-fifth session),
     * and below intake, which stores its records. Intake sits below the requests' gate and the resources that call it:
     * it takes the caller's site (auth.Caller until the forty-sixth session).
     */
    private static final Map<String, Set<String>> BELOW = Map.of(
            "service.store", Set.of("service.errors", "service.cli", "service.auth"),
            "service.health", Set.of("service.errors", "service.cli"),
            "service.moderation", Set.of("service.auth", "service.intake"),
            "service.intake", Set.of("service.auth", "service.resources"));

    @Test
    void packagesImportEachOtherInNoCycleButTheOnesLeft() {
        assertEquals(LEFT, cycles(imports()), "package cycles (each a set of packages that reach each other)");
    }

    @Test
    void noPackageImportsOneAboveIt() {
        Map<String, Set<String>> against = new TreeMap<>();
        BELOW.forEach((p, above) -> {
            Set<String> imported = new TreeSet<>(imports().getOrDefault(p, Set.of()));
            imported.retainAll(above);
            if (!imported.isEmpty()) against.put(p, imported);
        });
        assertEquals(Map.of(), against, "imports against the flow (package → the packages above it that it imports)");
    }

    private static Map<String, Set<String>> imports;

    /** Both modules' package imports, read once (jdeps takes a few seconds). */
    private static synchronized Map<String, Set<String>> imports() {
        if (imports == null) imports = packageImports(classes(Attribute.class), classes(ParleyApplication.class));
        return imports;
    }

    private static Path classes(Class<?> inModule) {
        try {
            return Path.of(inModule.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Package → the packages its classes refer to, names without "org.parley.". */
    private static Map<String, Set<String>> packageImports(Path... locations) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        String[] args = new String[4 + locations.length];
        args[0] = "-verbose:class";
        args[1] = "-filter:none";
        args[2] = "-e";
        args[3] = "org\\.parley\\..*";
        for (int i = 0; i < locations.length; i++) args[4 + i] = locations[i].toString();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), args);
        assertEquals(0, code, out.toString());
        Pattern edge = Pattern.compile("^\\s+org\\.parley\\.(\\S+)\\.[^.\\s]+\\s+->\\s+org\\.parley\\.(\\S+)\\.[^.\\s]+\\s", Pattern.MULTILINE);
        Map<String, Set<String>> imports = new TreeMap<>();
        for (Matcher m = edge.matcher(out.toString()); m.find(); )
            if (!m.group(1).equals(m.group(2))) imports.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
        return imports;
    }

    /** The sets of two or more packages that each reach all the others. */
    static Set<Set<String>> cycles(Map<String, Set<String>> imports) {
        Set<Set<String>> out = new HashSet<>();
        for (String p : imports.keySet()) {
            Set<String> cycle = new TreeSet<>();
            for (String q : reached(imports, p)) if (reached(imports, q).contains(p)) cycle.add(q);
            if (cycle.size() > 1) out.add(cycle);
        }
        return out;
    }

    private static Set<String> reached(Map<String, Set<String>> imports, String from) {
        Set<String> seen = new HashSet<>();
        ArrayDeque<String> todo = new ArrayDeque<>(Set.of(from));
        while (!todo.isEmpty())
            for (String next : imports.getOrDefault(todo.pop(), Set.of())) if (seen.add(next)) todo.push(next);
        return seen;
    }
}
