package org.parley;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps the Markdown documents' relative links true: every link in a *.md file of the repository
 * (README.md, docs/, models/, training-data/README.md, …) names a file that exists, and every
 * {@code #anchor} names a heading of its target, as GitHub makes anchors from headings. Left out:
 * build output ({@code target/}, {@code node_modules/}) and the corpora's own documents under
 * {@code training-data/<corpus>/}, kept as they came (their images were not copied). A section named in words beside
 * its file, as code comments, --help texts, config.yml and the documents do ({@code docs/results.md, "Identity
 * mentions"}), names a heading or a bold item of that file: until the forty-sixth session SentenceRule's comment
 * named a section "The worst sentence" that no document has.
 */
public class DocsLinksTest {
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+).*?\\1");
    private static final Pattern LINK = Pattern.compile("\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s*<?([^\\s>]+)>?");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** {@code docs/results.md, "Identity mentions"}; in Java source the quotes are escaped. */
    private static final Pattern SECTION_NAMED = Pattern.compile("((?:[\\w-]+/)*[\\w-]+\\.md),?\\s+\\\\?[\"“]([^\"”\\\\]{3,80})\\\\?[\"”]");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern TEXT_FILE = Pattern.compile(".*\\.(md|java|ya?ml|py|js|lua|sql)$");

    @Test
    void everyRelativeLinkAndAnchorInTheDocumentsResolves() throws IOException {
        Path root = repositoryRoot();
        List<Path> documents = documents(root);
        assertTrue(documents.contains(root.resolve("README.md")), "README.md is checked");
        assertTrue(documents.contains(root.resolve("docs/known-gaps.md")), "docs/ is checked");
        List<String> broken = new ArrayList<>();
        for (Path doc : documents) broken.addAll(brokenLinks(root, doc));
        assertTrue(broken.isEmpty(), broken.size() + " broken links:\n" + String.join("\n", broken));
    }

    @Test
    void everySectionNamedInWordsBesideItsFileIsAHeadingOrBoldItemThere() throws IOException {
        Path root = repositoryRoot();
        List<String> broken = new ArrayList<>();
        for (Path file : textFiles(root)) broken.addAll(unknownSections(root, file));
        assertTrue(broken.isEmpty(), broken.size() + " sections named that their files lack:\n" + String.join("\n", broken));
    }

    @Test
    void aSectionNamedThatItsFileLacksIsReported(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/results.md"), "# Results\n\n## Identity mentions\n\n- **Reproducing it**: …\n");
        Files.writeString(dir.resolve("Rule.java"), String.join("\n",
                "// docs/results.md, \"Identity mentions\" and docs/results.md \"Reproducing it\"",
                "String help = \"see docs/results.md, \\\"The worst sentence\\\"\";",
                "// docs/gone.md, \"Policy\"", ""));
        assertEquals(List.of("Rule.java:2: no section \"The worst sentence\" in docs/results.md",
                "Rule.java:3: no file docs/gone.md (for \"Policy\")"), unknownSections(dir, dir.resolve("Rule.java")));
    }

    @Test
    void aMissingFileOrAnUnknownAnchorIsReported(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("docs/api.md"), "# The API\n\n## `POST /v1/score`\n\n## Keys and roles\n");
        Files.writeString(dir.resolve("README.md"), String.join("\n",
                "# Title",
                "[ok](docs/api.md#post-v1score) and [ok](docs/api.md#keys-and-roles) and [ok](#title)",
                "[gone](docs/moved.md) [no anchor](docs/api.md#policy) [no anchor here](#keys-and-roles)",
                "`[in code](nowhere.md)` [web](https://example.org/x.md)",
                "```",
                "[in a fence](nowhere.md)",
                "```",
                ""));
        List<String> broken = brokenLinks(dir, dir.resolve("README.md"));
        assertEquals(List.of(
                "README.md:3: no file docs/moved.md",
                "README.md:3: no heading for #policy in docs/api.md",
                "README.md:3: no heading for #keys-and-roles in README.md"), broken);
    }

    @Test
    void anchorsAreMadeAsGitHubMakesThem() {
        List<String> headings = List.of("# Parley", "## `POST /v1/score`", "### Operations (admin port, 8081)",
                "### Known gaps (a Node.js integrator's audit, twenty-first session)",
                "## Quality on the fixed dev split (19,066 texts from 23 corpora)", "## Policy", "## Policy",
                "## A [linked](x.md) SEVERE_TOXICITY heading ##");
        assertEquals(new LinkedHashSet<>(List.of("parley", "post-v1score", "operations-admin-port-8081",
                        "known-gaps-a-nodejs-integrators-audit-twenty-first-session",
                        "quality-on-the-fixed-dev-split-19066-texts-from-23-corpora", "policy", "policy-1",
                        "a-linked-severe_toxicity-heading")),
                anchors(headings));
    }

    public static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("classifier"))
                    && Files.isDirectory(dir.resolve("docs"))) return dir;
        }
        throw new IllegalStateException("no repository root (README.md, classifier/, docs/) above " + Path.of("").toAbsolutePath());
    }

    private static List<Path> documents(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> {
                        Path rel = root.relativize(p);
                        for (Path part : rel) {
                            String name = part.toString();
                            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) return false;
                        }
                        return !(rel.getNameCount() > 2 && rel.getName(0).toString().equals("training-data"));
                    })
                    .sorted().toList();
        }
    }

    private static List<String> brokenLinks(Path root, Path doc) throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> lines = withoutCode(Files.readAllLines(doc, StandardCharsets.UTF_8));
        String name = root.relativize(doc).toString().replace('\\', '/');
        for (int i = 0; i < lines.size(); i++) {
            String line = INLINE_CODE.matcher(lines.get(i)).replaceAll("");
            List<String> targets = new ArrayList<>();
            for (Matcher m = LINK.matcher(line); m.find(); ) targets.add(m.group(1));
            Matcher ref = REFERENCE.matcher(line);
            if (ref.find()) targets.add(ref.group(1));
            for (String target : targets) {
                if (SCHEME.matcher(target).find() || target.startsWith("//")) continue;
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String fragment = hash < 0 ? "" : target.substring(hash + 1);
                Path file = path.isEmpty() ? doc
                        : doc.getParent().resolve(URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8)).normalize();
                String where = name + ":" + (i + 1) + ": ";
                if (!Files.exists(file)) {
                    broken.add(where + "no file " + path);
                } else if (!fragment.isEmpty() && file.getFileName().toString().endsWith(".md")
                        && !anchors(Files.readAllLines(file, StandardCharsets.UTF_8)).contains(fragment)) {
                    broken.add(where + "no heading for #" + fragment + " in " + root.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        return broken;
    }

    /** What may name a section in words: documents, code, configuration and the scripts (this test's own cases left out). */
    private static List<Path> textFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(p -> {
                Path rel = root.relativize(p);
                for (Path part : rel) {
                    String name = part.toString();
                    if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) return false;
                }
                if (rel.getNameCount() > 2 && rel.getName(0).toString().equals("training-data")) return false;
                if (p.getFileName().toString().equals("DocsLinksTest.java")) return false;
                return TEXT_FILE.matcher(p.getFileName().toString()).matches()
                        || (rel.getNameCount() == 2 && rel.getName(0).toString().equals("scripts"));
            }).sorted().toList();
        }
    }

    private static List<String> unknownSections(Path root, Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            return List.of(); // not text
        }
        String name = root.relativize(file).toString().replace('\\', '/');
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            for (Matcher m = SECTION_NAMED.matcher(lines.get(i)); m.find(); ) {
                String doc = m.group(1), section = m.group(2);
                // From the repository's root, as code and scripts name them, or beside the file, as the documents do.
                Path target = Stream.of(root.resolve(doc), file.getParent().resolve(doc), root.resolve("docs").resolve(doc))
                        .filter(Files::isRegularFile).findFirst().orElse(null);
                String where = name + ":" + (i + 1) + ": ";
                if (target == null) unknown.add(where + "no file " + doc + " (for \"" + section + "\")");
                else if (!sectionNames(target).stream().anyMatch(s -> s.contains(section.toLowerCase(java.util.Locale.ROOT))))
                    unknown.add(where + "no section \"" + section + "\" in " + root.relativize(target).toString().replace('\\', '/'));
            }
        }
        return unknown;
    }

    /** A document's headings and bold items ("**Reproducing it**: …"), lower case, without code and emphasis marks. */
    private static List<String> sectionNames(Path doc) throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : withoutCode(Files.readAllLines(doc, StandardCharsets.UTF_8))) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) names.add(h.group(2));
            for (Matcher b = BOLD.matcher(line); b.find(); ) names.add(b.group(1));
        }
        return names.stream().map(n -> n.replaceAll("[`*]", "").toLowerCase(java.util.Locale.ROOT)).toList();
    }

    /** The lines with fenced code blocks blanked, so that their contents count neither as links nor as headings. */
    private static List<String> withoutCode(List<String> lines) {
        List<String> out = new ArrayList<>();
        String fence = null;
        for (String line : lines) {
            Matcher m = FENCE.matcher(line);
            if (m.find()) {
                if (fence == null) fence = m.group(1);
                else if (m.group(1).equals(fence)) fence = null;
                out.add("");
            } else {
                out.add(fence == null ? line : "");
            }
        }
        return out;
    }

    /** GitHub's anchors: the heading's text, lower case, without punctuation, spaces as '-', repeats numbered. */
    static Set<String> anchors(List<String> lines) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutCode(lines)) {
            for (Matcher a = HTML_ANCHOR.matcher(line); a.find(); ) anchors.add(a.group(1));
            Matcher m = HEADING.matcher(line);
            if (!m.matches()) continue;
            String text = m.group(2).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").strip().toLowerCase(java.util.Locale.ROOT);
            StringBuilder slug = new StringBuilder();
            text.codePoints().forEach(c -> {
                if (Character.isLetterOrDigit(c) || c == '-' || c == '_') slug.appendCodePoint(c);
                else if (c == ' ') slug.append('-');
            });
            String s = slug.toString();
            int n = seen.merge(s, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? s : s + "-" + n);
        }
        return anchors;
    }
}
