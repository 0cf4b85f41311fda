package org.parley.service.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Cheap guards on the page's files, next to the browser tests: untrusted text only ever goes in as
 * text, and the page loads nothing from elsewhere (the CSP would refuse it, and moderators' browsers
 * should not tell a CDN what they read). The script is several ES modules: each .js file under ui/ is
 * scanned, found by listing the folder, and the files listed must be exactly those the page loads.
 */
class ModeratorUiSourceTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = ModeratorUiSourceTest.class.getResourceAsStream("/ui/" + name)) {
            assertNotNull(in, "missing ui/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Every .js file under ui/ (in its subfolders too), as a path relative to it: a module added later is scanned unnamed. */
    private static Set<String> scripts() throws IOException, URISyntaxException {
        Path ui = Path.of(ModeratorUiSourceTest.class.getResource("/ui").toURI());
        try (Stream<Path> files = Files.walk(ui)) {
            Set<String> js = new TreeSet<>();
            files.filter(p -> p.toString().endsWith(".js")).forEach(p -> js.add(ui.relativize(p).toString().replace('\\', '/')));
            return js;
        }
    }

    @Test
    void theScriptsNeverParseHtml() throws Exception {
        StringBuilder all = new StringBuilder();
        for (String file : scripts()) {
            String js = resource(file);
            for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"))
                assertFalse(js.contains(sink), file + " uses " + sink);
            all.append(js);
        }
        assertTrue(all.toString().contains("textContent"));
    }

    /**
     * The files the scans above read are exactly the page's scripts: those index.html loads and, from each, those it
     * imports (relative, static imports: a dynamic one could not be followed). A module the listing missed fails
     * here, and so does a .js file in ui/ that nothing loads.
     */
    @Test
    void theScannedScriptsAreExactlyThoseThePageLoads() throws Exception {
        Deque<String> todo = new ArrayDeque<>();
        Matcher src = Pattern.compile("<script[^>]*\\bsrc=\"([^\"]+)\"").matcher(resource("index.html"));
        while (src.find()) todo.add(src.group(1));
        assertFalse(todo.isEmpty(), "index.html loads no script");
        Pattern staticImport = Pattern.compile("^(?:import\\s+|(?:import|export)\\s[^;'\"]*?\\sfrom\\s*)['\"]([^'\"]+)['\"]", Pattern.MULTILINE);
        Set<String> loaded = new TreeSet<>();
        while (!todo.isEmpty()) {
            String file = todo.pop();
            if (!loaded.add(file)) continue;
            String js = resource(file);
            assertFalse(js.contains("import("), file + " imports dynamically");
            Matcher m = staticImport.matcher(js);
            while (m.find()) {
                assertTrue(m.group(1).startsWith("./"), file + " imports " + m.group(1) + ": only files beside it");
                todo.add(Path.of(file).resolveSibling(m.group(1)).normalize().toString().replace('\\', '/'));
            }
        }
        assertEquals(loaded, scripts());
    }

    @Test
    void nothingIsFetchedFromElsewhereAndNothingIsInline() throws Exception {
        Pattern outside = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
        Set<String> files = new TreeSet<>(scripts());
        files.addAll(List.of("index.html", "app.css"));
        for (String file : files) {
            String text = resource(file).replace("http://www.w3.org/2000/svg", "");
            assertFalse(outside.matcher(text).find(), file + " names another host");
        }
        String html = resource("index.html");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "inline script");
        assertFalse(Pattern.compile("\\son[a-z]+=|\\sstyle=|<style", Pattern.CASE_INSENSITIVE).matcher(html).find(), "inline handler or style");
    }
}
