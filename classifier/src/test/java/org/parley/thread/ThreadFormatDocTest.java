package org.parley.thread;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keeps docs/thread-format.md true: its examples must read, and the seed example must be what the parser gives. */
class ThreadFormatDocTest {
    private static final Pattern JSON_BLOCK = Pattern.compile("```(json|jsonl)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void examplesReadAndMatchTheParser() throws IOException {
        String doc = Files.readString(Seeds.path(Seeds.COMMENT_PAGE).getParent().resolveSibling("docs/thread-format.md"));
        List<List<CommentThread>> examples = new ArrayList<>();
        for (Matcher m = JSON_BLOCK.matcher(doc); m.find(); ) examples.add(ThreadJson.read(new StringReader(m.group(2))));
        assertEquals(List.of(1, 1, 2), examples.stream().map(List::size).toList(), "two single documents, then JSON Lines");

        CommentThread documented = examples.get(0).get(0);
        CommentThread parsed = BbcCommentPageParser.parse("001_ebaeb092d28a86a2", Seeds.read(Seeds.COMMENT_PAGE));
        assertEquals(parsed.article().title(), documented.article().title());
        assertTrue(parsed.article().body().startsWith(documented.article().body()),
                "the documented body, abridged, is how the parsed one starts: " + documented.article().body());
        for (Comment c : documented.comments()) assertEquals(parsed.comment(c.id()), c);
    }
}
