package org.parley.thread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.text.BlankText;
import org.parley.text.GeneratedCase;
import org.parley.text.HostileTexts;

/**
 * Properties of the thread format (docs/thread-format.md) over generated threads (fixed seeds, see {@link GeneratedCase}):
 * what {@link ThreadJson} writes it reads back equal, as one document and as JSON Lines; and input broken at random, as
 * text or as a tree, is read or refused with an {@link InvalidThreadException}, never another exception.
 */
class ThreadJsonPropertiesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Stream<GeneratedCase<CommentThread>> threads() {
        return GeneratedCase.cases(10_000, 200, ThreadJsonPropertiesTest::thread, ThreadJson::toJson);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threads")
    void aWrittenThreadReadsBackEqual(GeneratedCase<CommentThread> c) throws IOException {
        CommentThread thread = c.input();
        assertEquals(thread, ThreadJson.fromJson(ThreadJson.toJson(thread)), c::describe);
        StringWriter document = new StringWriter();
        ThreadJson.write(thread, document);
        assertEquals(List.of(thread), ThreadJson.read(new StringReader(document.toString())), c::describe);
    }

    static Stream<GeneratedCase<List<CommentThread>>> threadLists() {
        return GeneratedCase.cases(20_000, 100, r -> list(r, 1, 4, () -> thread(r)), ThreadJsonPropertiesTest::lines);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threadLists")
    void writtenJsonLinesReadBackEqual(GeneratedCase<List<CommentThread>> c) throws IOException {
        assertEquals(c.input(), ThreadJson.read(new StringReader(lines(c.input()))), c::describe);
    }

    /** A thread written as a document or as JSON Lines (twice), then one to four edits ({@link Edit}) of that text. */
    static Stream<GeneratedCase<String>> brokenTexts() {
        return GeneratedCase.texts(30_000, 300, r -> {
            CommentThread thread = thread(r);
            StringBuilder text = new StringBuilder(r.nextBoolean() ? lines(List.of(thread, thread)) : ThreadJson.toJson(thread));
            for (Edit e : list(r, 1, 4, () -> edit(r))) e.apply(text);
            return text.toString();
        });
    }

    /** A thread's text with chars deleted, inserted or swapped: read, or refused as the format says. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTexts")
    void brokenTextIsReadOrRefusedWithTheFormatsError(GeneratedCase<String> c) {
        readOrRefuse(c, () -> ThreadJson.read(new StringReader(c.input())));
    }

    /** A thread's tree with one field of one of its objects (any) set to a value of any JSON type. */
    static Stream<GeneratedCase<JsonNode>> brokenTrees() {
        return GeneratedCase.cases(40_000, 300, r -> {
            JsonNode tree = ThreadJson.toTree(thread(r));
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(tree, objects);
            objects.get(r.nextInt(objects.size())).set(FIELD_NAMES.get(r.nextInt(FIELD_NAMES.size())), value(r));
            return tree;
        }, JsonNode::toString);
    }

    /** A thread's tree with one field set to a value of any JSON type: read, or refused as the format says. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenTrees")
    void aFieldOfAnyTypeIsReadOrRefusedWithTheFormatsError(GeneratedCase<JsonNode> c) {
        readOrRefuse(c, () -> ThreadJson.fromTree(c.input()));
    }

    private interface Read {
        Object read() throws IOException;
    }

    private static void readOrRefuse(GeneratedCase<?> c, Read read) {
        try {
            read.read();
        } catch (InvalidThreadException expected) {
            // the documented refusal
        } catch (IOException | RuntimeException e) {
            fail("not an InvalidThreadException: " + e + "; " + c.describe(), e);
        }
    }

    // ---- generators ----

    /**
     * A valid thread: comment i may name a comment before it as parent (by id, number or both) or a number on another page,
     * and quote earlier comments, so no reference dangles and no parents form a cycle. Comments with a number have 10i + 5;
     * numbers 1 to 4 are on another page.
     */
    static CommentThread thread(SplittableRandom r) {
        String id = text(r, 200);
        Article article = new Article(orNull(r, 0.5, () -> text(r, 200)), text(r, 1000),
                orNull(r, 0.5, () -> URLS.get(r.nextInt(URLS.size()))), orNull(r, 0.5, () -> text(r, 200_000)));
        List<Comment> comments = new ArrayList<>();
        int n = r.nextInt(9);
        for (int i = 0; i < n; i++) comments.add(comment(r, i, comments));
        return new CommentThread(id, article, comments);
    }

    private static final List<String> URLS = List.of("https://example.org/news/7", "http://x.co/a?b=c#d", "urn:isbn:0451450523");

    /** Comment i, whose references are resolved against the comments before it. */
    private static Comment comment(SplittableRandom r, int i, List<Comment> before) {
        Integer number = r.nextBoolean() ? 10 * i + 5 : null;
        String author = orNull(r, 0.5, () -> text(r, 200));
        String text = text(r, 50_000);
        int parent = r.nextInt(-1, 4001);
        String parentAuthor = orNull(r, 0.7, () -> text(r, 200));
        String quote = orNull(r, 0.6, () -> text(r, 50_000));
        Rating rating = orNull(r, 0.5, () -> new Rating(r.nextInt() & Integer.MAX_VALUE, r.nextInt() & Integer.MAX_VALUE));
        List<Integer> quoted = list(r, 0, 3, () -> r.nextInt(1001));

        String parentId = null;
        Integer parentNumber = null;
        if (!before.isEmpty() && parent >= 0) {
            Comment p = before.get(parent / 4 % before.size());
            switch (parent % 4) { // how it is named
                case 0 -> parentId = p.id();
                case 1 -> { parentId = p.id(); parentNumber = p.number(); }
                case 2 -> parentNumber = p.number();
                default -> parentNumber = 1 + parent % 4; // another page
            }
        }
        List<QuotedComment> quotes = new ArrayList<>();
        for (int q : quoted) {
            if (q % 2 == 0 || before.isEmpty()) quotes.add(new QuotedComment(null, 1 + q % 4, author, quote)); // another page
            else {
                Comment c = before.get(q % before.size());
                quotes.add(new QuotedComment(c.id(), q % 3 == 0 ? c.number() : null, c.author(), c.text()));
            }
        }
        return new Comment("c" + i, number, author, text, parentId, parentNumber, parentAuthor, quote, rating, quotes);
    }

    /** Non-blank text of at most {@code max} chars, of any chars the pipeline meets (lone surrogates and all). */
    private static String text(SplittableRandom r, int max) {
        while (true) {
            String s = HostileTexts.text(r, 6);
            if (!BlankText.is(s) && s.length() <= max) return s;
        }
    }

    private static <T> T orNull(SplittableRandom r, double pNull, Supplier<T> value) {
        return r.nextDouble() < pNull ? null : value.get();
    }

    private static <T> List<T> list(SplittableRandom r, int min, int max, Supplier<T> element) {
        int n = r.nextInt(min, max + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(element.get());
        return out;
    }

    private static String lines(List<CommentThread> threads) {
        StringWriter out = new StringWriter();
        try {
            ThreadJson.writeLines(threads, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * One change to a text at a position (taken modulo the length): delete, insert or replace a char, cut the text there,
     * or copy up to 40 chars from there to elsewhere (a key twice in one object, a value after the end).
     */
    record Edit(int kind, int at, char c) {
        void apply(StringBuilder s) {
            if (s.isEmpty()) return;
            int i = Math.floorMod(at, s.length());
            switch (kind) {
                case 0 -> s.deleteCharAt(i);
                case 1 -> s.insert(i, c);
                case 2 -> s.setCharAt(i, c);
                case 3 -> s.setLength(i);
                default -> s.insert(Math.floorMod(at * 31 + c, s.length() + 1), s.substring(i, Math.min(s.length(), i + 1 + c % 40)));
            }
        }
    }

    /** Chars that matter to JSON or to a reader of it. */
    private static final char[] JSON_CHARS = {'{', '}', '[', ']', ',', ':', '"', '\\', '0', '9', '-', '.', 'e', 'n', 't', ' ', '\n',
        '\r', '\u0000', '\uFEFF', '\uD800', '\u2028'};

    /** An edit of any kind at any position, with one of {@link #JSON_CHARS} or any char, half each. */
    private static Edit edit(SplittableRandom r) {
        char c = r.nextBoolean() ? JSON_CHARS[r.nextInt(JSON_CHARS.length)] : (char) r.nextInt(Character.MAX_VALUE + 1);
        return new Edit(r.nextInt(5), r.nextInt(), c);
    }

    /** The format's field names, some of other objects, a near miss and the empty name. */
    private static final List<String> FIELD_NAMES = List.of("id", "number", "author", "text", "parentId", "parentNumber",
            "parentAuthor", "quote", "rating", "alsoQuotes", "article", "comments", "title", "url", "body", "up", "down",
            "parent_id", "");

    /** A JSON value of any type: null, booleans, numbers of every size, texts, and arrays and objects that look like the format's. */
    private static JsonNode value(SplittableRandom r) {
        return switch (r.nextInt(14)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(r.nextBoolean());
            case 2 -> NODES.numberNode(r.nextInt());
            case 3 -> NODES.numberNode(r.nextLong());
            case 4 -> NODES.numberNode(Math.scalb(2 * r.nextDouble() - 1, r.nextInt(-1074, 1024))); // finite, any magnitude
            case 5 -> NODES.numberNode(bigInteger(r));
            case 6 -> NODES.textNode(HostileTexts.text(r, 4));
            case 7 -> NODES.arrayNode();
            case 8 -> NODES.arrayNode().add(NODES.objectNode());
            case 9 -> NODES.arrayNode().addNull();
            case 10 -> NODES.arrayNode().add("c0");
            case 11 -> NODES.objectNode();
            case 12 -> NODES.objectNode().put("id", "c0");
            default -> NODES.objectNode().put("up", -1).put("down", 0);
        };
    }

    /** An integer of up to 100 bits (below 1.3e30), either sign. */
    private static BigInteger bigInteger(SplittableRandom r) {
        BigInteger b = new BigInteger(r.nextInt(1, 101), new Random(r.nextLong()));
        return r.nextBoolean() ? b : b.negate();
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> out) {
        if (node instanceof ObjectNode o) out.add(o);
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) collectObjects(children.next(), out);
    }
}
