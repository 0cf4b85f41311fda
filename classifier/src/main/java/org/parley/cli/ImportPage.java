package org.parley.cli;

import org.parley.thread.Article;
import org.parley.thread.ArticlePageParser;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.CommentThread;
import org.parley.thread.InvalidThreadException;
import org.parley.thread.ThreadJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Command line: scraped page files in, the JSON thread format out (scripts/import-page). */
@Command(name = "import-page", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class,
        footer = {"", "Example: scripts/import-page seeds/001_ebaeb092d28a86a2.txt > thread.json"},
        description = {
                "Converts scraped page text (a BBC-style comment page or a plain article page) to the JSON thread format",
                "(docs/thread-format.md) on standard output.",
                "One page is written as a pretty-printed document, several as JSON Lines (one thread per line)."},
        sortOptions = false)
public final class ImportPage implements Callable<Integer> {
    /** What the page holds; AUTO picks COMMENTS when the page has a "Comment number N." line. */
    enum PageKind { AUTO, COMMENTS, ARTICLE }

    @Parameters(paramLabel = "PAGE", arity = "1..*", description = {
            "Text files of scraped pages (the text, not the HTML): UTF-8, or UTF-16 with a",
            "byte-order mark; a file that is not UTF-8 is read as Windows-1252, with a note on",
            "standard error."})
    private List<Path> pages;

    @Option(names = "--kind", defaultValue = "auto", paramLabel = "KIND",
            description = {"auto, comments or article (default: ${DEFAULT-VALUE}); comments refuses a page with no",
                    "\"Comment number N.\" header."})
    private PageKind kind;

    @Option(names = "--id", paramLabel = "ID",
            description = "Thread id, for a single page (default: the file name without its extension).")
    private String threadId;

    @Option(names = "--url", paramLabel = "URL", description = "Article URL to record, for a single page.")
    private String url;

    @Option(names = "--title", paramLabel = "TITLE", description = {
            "The article's headline, for a single page: a page of comments saved without the article above them needs"
                    + " one; on a page with an article it takes the place of the page's headline."})
    private String title;

    @Option(names = "--lines", description = "Write JSON Lines even for a single page.")
    private boolean lines;

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        CommandLine line = commandLine(out);
        int code = line.execute(args);
        out.flush();
        System.exit(Cli.stdoutChecked(line, code));
    }

    /** The configured command writing threads to {@code out}; errors go to standard error, one line each ({@link Cli}). */
    static CommandLine commandLine(PrintWriter out) {
        CommandLine cmd = Cli.commandLine(new ImportPage());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setOut(out);
        return cmd;
    }

    @Override
    public Integer call() throws IOException {
        if (pages.size() > 1 && (threadId != null || url != null || title != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--id, --url and --title apply to a single page");
        }
        checkSinglePageOptions();
        List<CommentThread> threads = new ArrayList<>();
        for (Path page : pages) threads.add(thread(page));
        PrintWriter out = spec.commandLine().getOut();
        if (threads.size() == 1 && !lines) ThreadJson.write(threads.get(0), out);
        else ThreadJson.writeLines(threads, out);
        return 0;
    }

    private CommentThread thread(Path page) throws IOException {
        if (Files.notExists(page)) throw new IllegalArgumentException("no such file: " + page);
        String text = PageFile.read(page, spec.name(), spec.commandLine().getErr());
        String id = threadId != null ? threadId : withoutExtension(page.getFileName().toString());
        PageKind pageKind = kind != PageKind.AUTO ? kind
                : BbcCommentPageParser.isCommentPage(text) ? PageKind.COMMENTS : PageKind.ARTICLE;
        try {
            if (kind == PageKind.COMMENTS && !BbcCommentPageParser.isCommentPage(text)) {
                // It wrote an article with no comments, exit 0 and no word: a wrong file went unnoticed.
                throw new InvalidThreadException("comments", "none: --kind comments expects a comment page, with "
                        + "\"Comment number N.\" headers, and this page has none (an article page is read by --kind article)");
            }
            CommentThread thread = pageKind == PageKind.COMMENTS
                    ? BbcCommentPageParser.parse(id, text, title)
                    : new CommentThread(id, ArticlePageParser.parse(text, title), List.of());
            return url == null ? thread : new CommentThread(thread.id(), thread.article().withUrl(url), thread.comments());
        } catch (InvalidThreadException e) {
            boolean noTitle = title == null && pageKind == PageKind.COMMENTS && e.field().equals("title");
            throw new IllegalArgumentException(page + ": " + e.getMessage() + (noTitle ? "; give it with --title" : ""), e);
        }
    }

    /**
     * What the format refuses in --id, --url or --title (blank, too long, not an absolute URL) is the option's fault, not
     * the page's: named so, first. They said "url: not a valid URL" or "id: must not be blank", and an --id with a '/',
     * which /v1/threads refuses (each comment is stored as THREAD/COMMENT), was written (a data scientist's sixth audit).
     */
    private void checkSinglePageOptions() {
        if (threadId != null && threadId.indexOf('/') >= 0)
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--id: must not contain '/': the service stores each comment of a thread as THREAD/COMMENT");
        optionChecked("--id", () -> new CommentThread(threadId, Article.titled("t"), List.of()), threadId);
        optionChecked("--url", () -> Article.titled("t").withUrl(url), url);
        optionChecked("--title", () -> Article.titled(title), title);
    }

    private void optionChecked(String option, Runnable check, String value) {
        if (value == null) return;
        try {
            check.run();
        } catch (InvalidThreadException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.problem());
        }
    }

    private static String withoutExtension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
