package org.parley.service;

/** The API keys and the admin password of test-config.yml, for the tests that start the whole service with it. */
public final class TestKeys {
    public static final String WEBSITE = "app-website-key";
    /** A second site by name (site=ui.example): its comment ids are its own. */
    public static final String OTHER_SITE = "app-site-key";
    /** Two more sites by name (site=desk.example, site=blog.example). */
    public static final String DESK = "app-desk-key", BLOG = "app-blog-key";
    public static final String ADMIN = "app-admin-key";
    /** Scoring only: the key a site publishes in its pages. */
    public static final String SCORER = "app-scorer-key";
    /** Its own rate limit, so that the bodies of megabytes sent with it (a token a KiB) leave the others' buckets alone. */
    public static final String BULK = "app-bulk-key";
    /** The default rate limit, for bodies that are refused. */
    public static final String REFUSED = "app-refused-key";
    /** moderation.adminPassword: the first account, "admin". */
    public static final String ADMIN_PASSWORD = "app-admin-password";

    private TestKeys() {}
}
