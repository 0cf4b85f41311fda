package org.parley.thread;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadJsonTest {
    /** A thread using every field, with text that needs escaping. */
    private static final CommentThread FULL = new CommentThread("forum-42",
            new Article("a-7", "Talks stall", "https://example.org/news/7", "First paragraph.\n\nSecond \"quoted\" paragraph."),
            List.of(
                    new Comment("c3", 3, "Ann", "Both wrong.", "c2", 2, "Dana", "Not so sure.", null,
                            List.of(new QuotedComment("c1", 1, "Bob", "Agreed — totally"), new QuotedComment(null, 1, null, null))),
                    new Comment("c2", 2, "Dana", "Not so sure.\nSecond line.", "c1", 1, "Bob", "Agreed — totally", new Rating(3, 12)),
                    new Comment("c1", 1, "Bob", "Agreed — totally", null, null, null, null, new Rating(0, 0)),
                    Comment.of("x", "No number on this one, ünïcødé")));

    @Test
    void seedThreadSurvivesWriteThenRead() throws IOException {
        CommentThread seed = BbcCommentPageParser.parse("001", Seeds.read(Seeds.COMMENT_PAGE));
        StringWriter out = new StringWriter();
        ThreadJson.write(seed, out);
        assertEquals(List.of(seed), ThreadJson.read(new StringReader(out.toString())));
        assertTrue(out.toString().contains("\n  \"comments\": [\n"), "pretty-printed, not one line");
        assertTrue(out.toString().endsWith("}\n"), "followed by a newline");
    }

    @Test
    void everyFieldSurvivesWriteThenRead() {
        String json = ThreadJson.toJson(FULL);
        assertEquals(FULL, ThreadJson.fromJson(json));
        assertTrue(json.contains("\"rating\": {\n"), json);
    }

    @Test
    void absentOptionalFieldsAreLeftOutNotWrittenAsNull() {
        String json = ThreadJson.toJson(new CommentThread("t", Article.titled("T"), List.of(Comment.of("c", "hi"))));
        assertTrue(!json.contains("null") && !json.contains("\"quote\"") && !json.contains("\"body\""), json);
    }

    @Test
    void jsonLinesHoldOneThreadPerLine() throws IOException {
        CommentThread seed = BbcCommentPageParser.parse("001", Seeds.read(Seeds.COMMENT_PAGE));
        CommentThread article = new CommentThread("000", ArticlePageParser.parse(Seeds.read(Seeds.ARTICLE)), List.of());
        List<CommentThread> threads = List.of(seed, FULL, article);

        StringWriter out = new StringWriter();
        ThreadJson.writeLines(threads, out);
        assertEquals(3, out.toString().split("\n").length, "newlines inside texts are escaped");
        assertEquals(threads, ThreadJson.read(new StringReader(out.toString())));
    }

    /** Both writers flush what they wrote: scripts/import-page's standard output holds the threads before it is closed. */
    @Test
    void whatIsWrittenIsFlushedToTheStreamUnderTheWriter() throws IOException {
        for (boolean lines : new boolean[] {false, true}) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(bytes, java.nio.charset.StandardCharsets.UTF_8));
            if (lines) ThreadJson.writeLines(List.of(FULL), out);
            else ThreadJson.write(FULL, out);
            assertEquals(List.of(FULL), ThreadJson.read(new StringReader(bytes.toString(java.nio.charset.StandardCharsets.UTF_8))),
                    lines ? "JSON Lines" : "one document");
        }
    }

    @Test
    void aFileMayStartWithAByteOrderMark(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("threads.jsonl"), "\uFEFF" + ThreadJson.toJson(FULL));
        assertEquals(List.of(FULL), ThreadJson.read(file));
    }

    @Test
    void blankLinesAroundThreadsAreSkipped() throws IOException {
        String one = "{\"id\": \"a\", \"article\": {\"title\": \"A\"}, \"comments\": []}";
        String two = "{\"id\": \"b\", \"article\": {\"title\": \"B\"}, \"comments\": []}";
        List<CommentThread> threads = ThreadJson.read(new StringReader("\n" + one + "\n\n" + two + "\n\n"));
        assertEquals(List.of("a", "b"), threads.stream().map(CommentThread::id).toList());
    }

    @Test
    void prettyDocumentAfterBlankLinesIsOneThread() throws IOException {
        List<CommentThread> threads = ThreadJson.read(new StringReader("\n\n" + ThreadJson.toJson(FULL)));
        assertEquals(List.of(FULL), threads);
    }

    @Test
    void blankInputHoldsNoThreads() throws IOException {
        assertEquals(List.of(), ThreadJson.read(new StringReader(" \n\n")));
    }

    @Test
    void errorInJsonLinesNamesTheLine() {
        String input = """
                {"id": "a", "article": {"title": "A"}, "comments": []}
                {"id": "b", "article": {"title": "B"}, "comments": [{"id": "c1"}]}
                """;
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ThreadJson.read(new StringReader(input)));
        assertEquals(2, e.line());
        assertEquals("comments[0].text", e.field());
        assertEquals("line 2: comments[0].text: missing", e.getMessage());
    }

    @Test
    void syntaxErrorInPrettyDocumentNamesItsLine() {
        String input = "{\n  \"id\": \"a\",\n  \"article\": {\"title\": \"A\"},\n  \"comments\": [,]\n}\n";
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ThreadJson.read(new StringReader(input)));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("line 4: not valid JSON"), e.getMessage());
    }

    @Test
    void syntaxErrorInJsonLinesNamesItsLine() {
        String input = "{\"id\": \"a\", \"article\": {\"title\": \"A\"}, \"comments\": []}\n{\"id\": \"b\",\n";
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ThreadJson.read(new StringReader(input)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void nestingTooDeepNamesItsLineAndColumn() {
        // Jackson's limit error comes without a location, so none was given.
        String deep = "[".repeat(1001) + "]".repeat(1001);
        String pretty = "{\n  \"id\": \"a\",\n  \"x\": " + deep + "\n}\n";
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ThreadJson.read(new StringReader(pretty)));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("line 3: not valid JSON: Document nesting depth (1001) exceeds"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(column 1008)"), e.getMessage()); // the 1001st "["

        String line = "{\"id\": \"a\", \"x\": " + deep + "}";
        InvalidThreadException inLines = assertThrows(InvalidThreadException.class,
                () -> ThreadJson.read(new StringReader(line.replace("\"x\": " + deep, "\"article\": {\"title\": \"A\"}, \"comments\": []") + "\n" + line)));
        assertEquals(2, inLines.line(), inLines.getMessage());
        assertTrue(inLines.getMessage().contains("(column "), inLines.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8NamesTheLine(@TempDir Path dir) throws IOException {
        // A Latin-1 file threw java.nio's MalformedInputException ("Input length = 1").
        Path file = Files.write(dir.resolve("t.json"),
                "{\"id\": \"t\",\n \"article\": {\"title\": \"Caf\u00e9\"}, \"comments\": []}\n".getBytes(StandardCharsets.ISO_8859_1));
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ThreadJson.read(file));
        assertEquals("line 2: not UTF-8 text: the line has bytes that are not UTF-8 (save the file as UTF-8)", e.getMessage());
    }

    @Test
    void fromJsonTakesExactlyOneDocument() {
        String one = "{\"id\": \"a\", \"article\": {\"title\": \"A\"}, \"comments\": []}";
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ThreadJson.fromJson(one + "\n" + one));
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
    }

    static Stream<Arguments> badThreads() {
        String c1 = "{'id': 'c1', 'text': 'hi'}";
        return Stream.of(
                bad("{'article': {'title': 'T'}, 'comments': []}", "id", "missing"),
                bad("{'id': '  ', 'article': {'title': 'T'}, 'comments': []}", "id", "must not be blank"),
                bad("{'id': 7, 'article': {'title': 'T'}, 'comments': []}", "id", "expected a string, got the number 7"),
                bad("{'id': 't', 'comments': []}", "article", "missing"),
                bad("{'id': 't', 'article': 'T', 'comments': []}", "article", "expected an object, got a string \"T\""),
                bad("{'id': 't', 'article': {'body': 'B'}, 'comments': []}", "article.title", "missing"),
                bad("{'id': 't', 'article': {'title': 'T', 'url': 'news/7'}, 'comments': []}", "article.url", "must be an absolute URL"),
                bad("{'id': 't', 'article': {'title': 'T', 'headline': 'H'}, 'comments': []}", "article.headline", "unknown field"),
                bad("{'id': 't', 'article': {'title': 'T'}}", "comments", "missing"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': {}}", "comments", "expected an array of comments, got an object"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [" + c1 + ", 'hi']}", "comments[1]", "expected an object, got a string"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1'}]}", "comments[0].text", "missing"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'text': 'hi'}]}", "comments[0].id", "missing"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': ''}]}", "comments[0].text", "must not be blank"),
                // Unicode spaces and zero-width characters show nothing either (docs: "at least one non-whitespace character").
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': '\\u00a0'}]}", "comments[0].text", "must not be blank"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': ' \\u200b\\ufeff '}]}", "comments[0].text", "must not be blank"),
                bad("{'id': 't', 'article': {'title': '\\u2007\\u202f'}, 'comments': []}", "article.title", "must not be blank"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'number': '1'}]}",
                        "comments[0].number", "expected an integer, got a string \"1\""),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'number': 1.5}]}",
                        "comments[0].number", "expected an integer, got the number 1.5"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'number': 0}]}",
                        "comments[0].number", "must be at least 1"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'number': 9999999999}]}",
                        "comments[0].number", "out of range"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'parent_id': 'c0'}]}",
                        "comments[0].parent_id", "unknown field"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [" + c1 + ", {'id': 'c2', 'text': 'yo', 'parentId': 'c9'}]}",
                        "comments[1].parentId", "unknown parent reference \"c9\""),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'parentId': 'c1'}]}",
                        "comments[0].parentId", "cannot answer itself"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'number': 5, 'parentNumber': 5}]}",
                        "comments[0].parentNumber", "cannot answer itself"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'a', 'text': 'x', 'parentId': 'b'}, "
                        + "{'id': 'b', 'text': 'y', 'parentId': 'a'}]}", "comments[0].parentId", "cycle"),
                // By number too: the reply stance follows parentNumber on the page, and /v1/threads stored the loop as parentIds.
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'a', 'number': 1, 'text': 'x', 'parentNumber': 2}, "
                        + "{'id': 'b', 'number': 2, 'text': 'y', 'parentNumber': 1}]}", "comments[0].parentNumber", "cycle"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'a', 'number': 1, 'text': 'x', 'parentId': 'b'}, "
                        + "{'id': 'b', 'number': 2, 'text': 'y', 'parentNumber': 1}]}", "comments[0].parentId", "cycle"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'number': 1, 'text': 'x'}, "
                        + "{'id': 'c2', 'text': 'y', 'parentId': 'c1', 'parentNumber': 5}]}", "comments[1].parentNumber", "disagrees"),
                // It said "which is comment number null".
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'x'}, "
                        + "{'id': 'c2', 'text': 'y', 'parentId': 'c1', 'parentNumber': 7}]}", "comments[1].parentNumber",
                        "7 disagrees with parentId \"c1\", which has no number"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [" + c1 + ", " + c1 + "]}", "comments[1].id", "already used by comments[0]"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'a', 'number': 3, 'text': 'x'}, "
                        + "{'id': 'b', 'number': 3, 'text': 'y'}]}", "comments[1].number", "already used"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'rating': {'up': 1}}]}",
                        "comments[0].rating.down", "missing"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'rating': {'up': -1, 'down': 0}}]}",
                        "comments[0].rating.up", "must not be negative"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': '" + "x".repeat(Limits.COMMENT_CHARS + 1) + "'}]}",
                        "comments[0].text", "too long: 50001 characters, at most 50000"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': {'number': 1}}]}",
                        "comments[0].alsoQuotes", "expected an array of quoted comments, got an object"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': [{'author': 'Dana'}]}]}",
                        "comments[0].alsoQuotes[0]", "names no comment: give its number or id"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': [{'number': 1, 'name': 'D'}]}]}",
                        "comments[0].alsoQuotes[0].name", "unknown field (expected one of id, number, author, text)"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': [{'number': 0}]}]}",
                        "comments[0].alsoQuotes[0].number", "must be at least 1"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': [{'number': 1, 'text': ' '}]}]}",
                        "comments[0].alsoQuotes[0].text", "must not be blank"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': [{'number': 1, 'text': '"
                        + "x".repeat(Limits.COMMENT_CHARS + 1) + "'}]}]}", "comments[0].alsoQuotes[0].text", "too long: 50001 characters, at most 50000"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': ["
                        + "{'number': 1}, ".repeat(Limits.ALSO_QUOTES) + "{'number': 1}]}]}", "comments[0].alsoQuotes", "too many: 21, at most 20"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [" + c1 + ", {'id': 'c2', 'text': 'yo', 'alsoQuotes': [{'id': 'c9'}]}]}",
                        "comments[1].alsoQuotes[0].id", "unknown comment \"c9\": no comment in this thread has that id"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': [{'id': 'c1'}]}]}",
                        "comments[0].alsoQuotes[0].id", "cannot quote itself"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'number': 1, 'text': 'x'}, "
                        + "{'id': 'c2', 'text': 'y', 'alsoQuotes': [{'id': 'c1', 'number': 5}]}]}", "comments[1].alsoQuotes[0].number",
                        "5 disagrees with id \"c1\", which is comment number 1"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c5', 'number': 5, 'text': 'hi', 'alsoQuotes': [{'number': 5}]}]}",
                        "comments[0].alsoQuotes[0].number", "must name an earlier comment: 5 is its own number"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c9', 'number': 9, 'text': 'x'}, "
                        + "{'id': 'c2', 'number': 2, 'text': 'y', 'alsoQuotes': [{'id': 'c9'}]}]}", "comments[1].alsoQuotes[0].id",
                        "must name an earlier comment: 9 is after its own number 2"),
                bad("['not', 'a', 'thread']", "", "expected a JSON object (one thread), got an array"),
                // Unchecked until the forty-eighth session's mutation testing: the thread's own fields, and a rating's and a
                // quoted comment's shape, passed whatever they held with their checks removed.
                bad("{'id': 't', 'title': 'T', 'article': {'title': 'T'}, 'comments': []}", "title",
                        "unknown field (expected one of id, article, comments)"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'rating': 5}]}",
                        "comments[0].rating", "expected an object, got the number 5"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'rating': {'up': 1, 'down': 0, 'likes': 2}}]}",
                        "comments[0].rating.likes", "unknown field (expected one of up, down)"),
                bad("{'id': 't', 'article': {'title': 'T'}, 'comments': [{'id': 'c1', 'text': 'hi', 'alsoQuotes': [5]}]}",
                        "comments[0].alsoQuotes[0]", "expected an object, got the number 5"));
    }

    /** The limits are the most a field may hold: a text of exactly 50,000 characters, an id of 200, are taken. */
    @Test
    void aFieldAtItsLimitIsTaken() {
        String id = "i".repeat(Limits.ID_CHARS), text = "x".repeat(Limits.COMMENT_CHARS);
        CommentThread t = ThreadJson.fromJson("{\"id\": \"t\", \"article\": {\"title\": \"T\"}, \"comments\": [{\"id\": \""
                + id + "\", \"text\": \"" + text + "\"}]}");
        assertEquals(id, t.comments().get(0).id());
        assertEquals(text, t.comments().get(0).text());
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("badThreads")
    void badInputNamesTheField(String json, String field, String problem) throws IOException {
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ThreadJson.fromJson(json));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.problem().contains(problem), "problem was: " + e.problem());
        assertTrue(e.getMessage().startsWith(field.isEmpty() ? problem : field + ": "), e.getMessage());

        InvalidThreadException asLine = assertThrows(InvalidThreadException.class, () -> ThreadJson.read(new StringReader(json)));
        assertEquals(field, asLine.field(), "same field when read as JSON Lines");
        assertEquals(1, asLine.line());
    }

    @Test
    void duplicateKeyIsAnError() {
        String json = "{\"id\": \"t\", \"id\": \"u\", \"article\": {\"title\": \"T\"}, \"comments\": []}";
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> ThreadJson.fromJson(json));
        assertTrue(e.getMessage().contains("Duplicate field 'id'"), e.getMessage());
    }

    @Test
    void nullMeansAbsent() {
        CommentThread t = ThreadJson.fromJson(
                "{\"id\": \"t\", \"article\": {\"title\": \"T\", \"body\": null}, \"comments\": [{\"id\": \"c\", \"text\": \"hi\", \"quote\": null}]}");
        assertEquals(new CommentThread("t", Article.titled("T"), List.of(Comment.of("c", "hi"))), t);
    }

    private static Arguments bad(String singleQuoted, String field, String problem) {
        return Arguments.of(singleQuoted.replace('\'', '"'), field, problem);
    }
}
