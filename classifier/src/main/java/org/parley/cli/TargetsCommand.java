package org.parley.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.parley.targets.CandidateTarget;
import org.parley.targets.TargetFinder;
import org.parley.thread.Article;
import org.parley.thread.ArticlePageParser;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.CommentThread;
import org.parley.thread.ThreadJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * scripts/targets: candidate stance targets of an article page, the article part of a BBC comment
 * page, or the article of a thread in the JSON thread format.
 */
@Command(name = "targets", mixinStandardHelpOptions = true, versionProvider = org.parley.train.ScriptVersion.class,
        footer = {"", "Example: scripts/targets --limit 5 seeds/001_ebaeb092d28a86a2.txt"},
        description = {"Proposes stance targets from a scraped article page or BBC comment page: the people,",
                "organisations and places it names (CoreNLP NER) and its recurring issue phrases.",
                "Output: one JSON line {\"phrase\", \"kind\", \"mentions\"} per target: the names (people, organisations,",
                "places), most mentioned first, then the issue phrases, most mentioned first."})
public final class TargetsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "PAGE", description = "page file (seeds/ format), or a thread in the JSON thread format (scripts/import-page)")
    Path page;

    @Option(names = "--limit", description = "most names and most issues (default: ${DEFAULT-VALUE})")
    int limit = 8;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.execute(new TargetsCommand(), args));
    }

    @Override
    public Integer call() throws IOException {
        if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1, was " + limit);
        // As scripts/import-page reads a page: read as UTF-8 with replacement, a Windows-1252 or UTF-16 page lost its
        // letters or its every comment, and an HTML page gave the targets of its tags.
        String text = PageFile.read(page, spec.name(), spec.commandLine().getErr());
        Article article = text.stripLeading().startsWith("{") ? threadArticle(text)
                : BbcCommentPageParser.isCommentPage(text)
                ? BbcCommentPageParser.parse(page.getFileName().toString(), text).article()
                : ArticlePageParser.parse(text);
        for (CandidateTarget t : new TargetFinder().find(article, limit))
            System.out.println(JSON.writeValueAsString(JSON.createObjectNode()
                    .put("phrase", t.phrase()).put("kind", t.kind().name()).put("mentions", t.mentions())));
        return 0;
    }

    /** A thread in the JSON thread format (one document or one JSON line), as scripts/import-page writes it. */
    private static Article threadArticle(String json) throws IOException {
        List<CommentThread> threads = ThreadJson.read(new StringReader(json));
        if (threads.size() != 1)
            throw new IllegalArgumentException("the file holds " + threads.size() + " threads; give one thread's file");
        return threads.get(0).article();
    }
}
