package org.parley.thread;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Maps threads to and from Jackson trees. Reading goes through the tree rather than data binding so
 * every error can name the field by its JSON path and say what was expected; the records themselves
 * check values (blank, too long, unknown parent), this class checks shape (types, unknown fields).
 * Unknown fields are errors: a misspelt "parent_id" would otherwise silently drop the reply link.
 */
final class ThreadNodes {
    private static final List<String> THREAD_FIELDS = List.of("id", "article", "comments");
    private static final List<String> ARTICLE_FIELDS = List.of("id", "title", "url", "body");
    private static final List<String> COMMENT_FIELDS = List.of(
            "id", "number", "author", "text", "parentId", "parentNumber", "parentAuthor", "quote", "rating", "alsoQuotes");
    private static final List<String> QUOTED_FIELDS = List.of("id", "number", "author", "text");
    private static final List<String> RATING_FIELDS = List.of("up", "down");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ThreadNodes() {}

    static CommentThread thread(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidThreadException("", "expected a JSON object (one thread), got " + kind(node));
        }
        onlyKnownFields(node, THREAD_FIELDS, "");
        Article article = node.hasNonNull("article") ? article(node.get("article")) : null;
        List<Comment> comments = node.hasNonNull("comments") ? comments(node.get("comments")) : null;
        return new CommentThread(string(node, "id", ""), article, comments);
    }

    private static Article article(JsonNode node) {
        requireObject(node, "article");
        onlyKnownFields(node, ARTICLE_FIELDS, "article");
        String id = string(node, "id", "article");
        String title = string(node, "title", "article");
        String url = string(node, "url", "article");
        String body = string(node, "body", "article");
        try {
            return new Article(id, title, url, body);
        } catch (InvalidThreadException e) {
            throw e.within("article");
        }
    }

    private static List<Comment> comments(JsonNode node) {
        if (!node.isArray()) throw new InvalidThreadException("comments", "expected an array of comments, got " + kind(node));
        List<Comment> comments = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) comments.add(comment(node.get(i), "comments[" + i + "]"));
        return comments;
    }

    private static Comment comment(JsonNode node, String path) {
        requireObject(node, path);
        onlyKnownFields(node, COMMENT_FIELDS, path);
        String id = string(node, "id", path);
        Integer number = integer(node, "number", path);
        String author = string(node, "author", path);
        String text = string(node, "text", path);
        String parentId = string(node, "parentId", path);
        Integer parentNumber = integer(node, "parentNumber", path);
        String parentAuthor = string(node, "parentAuthor", path);
        String quote = string(node, "quote", path);
        Rating rating = node.hasNonNull("rating") ? rating(node.get("rating"), path + ".rating") : null;
        List<QuotedComment> alsoQuotes = node.hasNonNull("alsoQuotes") ? alsoQuotes(node.get("alsoQuotes"), path + ".alsoQuotes") : null;
        try {
            return new Comment(id, number, author, text, parentId, parentNumber, parentAuthor, quote, rating, alsoQuotes);
        } catch (InvalidThreadException e) {
            throw e.within(path);
        }
    }

    /** Checked for count before any entry is read, so a huge list costs one look. */
    private static List<QuotedComment> alsoQuotes(JsonNode node, String path) {
        if (!node.isArray()) throw new InvalidThreadException(path, "expected an array of quoted comments, got " + kind(node));
        if (node.size() > Limits.ALSO_QUOTES)
            throw new InvalidThreadException(path, "too many: " + node.size() + ", at most " + Limits.ALSO_QUOTES);
        List<QuotedComment> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode q = node.get(i);
            requireObject(q, at);
            onlyKnownFields(q, QUOTED_FIELDS, at);
            String id = string(q, "id", at);
            Integer number = integer(q, "number", at);
            String author = string(q, "author", at);
            String text = string(q, "text", at);
            try {
                out.add(new QuotedComment(id, number, author, text));
            } catch (InvalidThreadException e) {
                throw e.within(at);
            }
        }
        return out;
    }

    private static Rating rating(JsonNode node, String path) {
        requireObject(node, path);
        onlyKnownFields(node, RATING_FIELDS, path);
        Integer up = integer(node, "up", path);
        Integer down = integer(node, "down", path);
        if (up == null) throw new InvalidThreadException(path + ".up", "missing");
        if (down == null) throw new InvalidThreadException(path + ".down", "missing");
        try {
            return new Rating(up, down);
        } catch (InvalidThreadException e) {
            throw e.within(path);
        }
    }

    static ObjectNode tree(CommentThread thread) {
        ObjectNode root = NODES.objectNode();
        root.put("id", thread.id());
        Article a = thread.article();
        ObjectNode article = root.putObject("article");
        putIfKnown(article, "id", a.id());
        article.put("title", a.title());
        putIfKnown(article, "url", a.url());
        putIfKnown(article, "body", a.body());
        ArrayNode comments = root.putArray("comments");
        for (Comment c : thread.comments()) {
            ObjectNode comment = comments.addObject();
            comment.put("id", c.id());
            if (c.number() != null) comment.put("number", c.number());
            putIfKnown(comment, "author", c.author());
            comment.put("text", c.text());
            putIfKnown(comment, "parentId", c.parentId());
            if (c.parentNumber() != null) comment.put("parentNumber", c.parentNumber());
            putIfKnown(comment, "parentAuthor", c.parentAuthor());
            putIfKnown(comment, "quote", c.quote());
            if (c.rating() != null) comment.putObject("rating").put("up", c.rating().up()).put("down", c.rating().down());
            if (!c.alsoQuotes().isEmpty()) {
                ArrayNode quoted = comment.putArray("alsoQuotes");
                for (QuotedComment q : c.alsoQuotes()) {
                    ObjectNode entry = quoted.addObject();
                    putIfKnown(entry, "id", q.id());
                    if (q.number() != null) entry.put("number", q.number());
                    putIfKnown(entry, "author", q.author());
                    putIfKnown(entry, "text", q.text());
                }
            }
        }
        return root;
    }

    private static void putIfKnown(ObjectNode node, String field, String value) {
        if (value != null) node.put(field, value);
    }

    /** The string value, or null when the field is absent or JSON null. */
    private static String string(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw new InvalidThreadException(join(path, field), "expected a string, got " + kind(value));
        return value.textValue();
    }

    /** The int value, or null when the field is absent or JSON null. */
    private static Integer integer(JsonNode node, String field, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isIntegralNumber()) throw new InvalidThreadException(join(path, field), "expected an integer, got " + kind(value));
        if (!value.canConvertToInt()) throw new InvalidThreadException(join(path, field), "out of range: " + value.asText());
        return value.intValue();
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) throw new InvalidThreadException(path, "expected an object, got " + kind(node));
    }

    private static void onlyKnownFields(JsonNode node, List<String> known, String path) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidThreadException(join(path, name), "unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    /** How a value reads in an error: "a string \"366\"", "an array". */
    private static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) return "nothing";
        return switch (node.getNodeType()) {
            case STRING -> "a string \"" + abbreviated(node.textValue()) + "\"";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviated(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
