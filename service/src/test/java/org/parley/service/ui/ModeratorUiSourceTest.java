package org.parley.service.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Cheap guards on the page's files, next to the browser tests: untrusted text only ever goes in as
 * text, and the page loads nothing from elsewhere (the CSP would refuse it, and moderators' browsers
 * should not tell a CDN what they read).
 */
class ModeratorUiSourceTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = ModeratorUiSourceTest.class.getResourceAsStream("/ui/" + name)) {
            assertNotNull(in, "missing ui/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theScriptNeverParsesHtml() throws IOException {
        String js = resource("app.js");
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"))
            assertFalse(js.contains(sink), "app.js uses " + sink);
        assertTrue(js.contains("textContent"));
    }

    @Test
    void nothingIsFetchedFromElsewhereAndNothingIsInline() throws IOException {
        Pattern outside = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
        for (String file : List.of("index.html", "app.js", "app.css")) {
            String text = resource(file).replace("http://www.w3.org/2000/svg", "");
            assertFalse(outside.matcher(text).find(), file + " names another host");
        }
        String html = resource("index.html");
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>").matcher(html).find(), "inline script");
        assertFalse(Pattern.compile("\\son[a-z]+=|\\sstyle=|<style", Pattern.CASE_INSENSITIVE).matcher(html).find(), "inline handler or style");
    }
}
