package org.parley.thread;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The article a comment thread hangs under. Comments are read against it (stance needs to know
 * what "this" refers to), so its body is kept when the page gives it.
 *
 * @param id    the site's id for the article, or null
 * @param title the headline; required
 * @param url   absolute URL of the article, or null
 * @param body  the article text, paragraphs separated by a blank line; null when not known
 */
public record Article(String id, String title, String url, String body) {
    public Article {
        Limits.optional("id", id, Limits.ID_CHARS);
        Limits.required("title", title, Limits.TITLE_CHARS);
        Limits.optional("url", url, Limits.URL_CHARS);
        Limits.optional("body", body, Limits.BODY_CHARS);
        if (url != null) requireAbsoluteUri(url);
    }

    public static Article titled(String title) {
        return new Article(null, title, null, null);
    }

    public Article withUrl(String newUrl) {
        return new Article(id, title, newUrl, body);
    }

    private static void requireAbsoluteUri(String url) {
        try {
            if (!new URI(url).isAbsolute()) throw new InvalidThreadException("url", "must be an absolute URL, was \"" + url + "\"");
        } catch (URISyntaxException e) {
            throw new InvalidThreadException("url", "not a valid URL: " + e.getMessage());
        }
    }
}
