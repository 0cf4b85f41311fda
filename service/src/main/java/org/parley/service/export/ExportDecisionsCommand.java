package org.parley.service.export;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.parley.service.ParleyConfiguration;
import org.parley.service.errors.CommandErrors;
import org.parley.service.store.CommentStore;
import org.parley.service.store.FeedbackStore;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * {@code export-decisions CONFIG --out FILE [--site NAME]...} (scripts/export-decisions): the configured
 * database's human decisions and suggested scores as labelled data; with {@code --site}, only the decisions on
 * those sites' comments and the scores their keys suggested. Reads only; the schema is not migrated.
 */
public final class ExportDecisionsCommand extends ConfiguredCommand<ParleyConfiguration> {
    public ExportDecisionsCommand() {
        super("export-decisions", "Writes moderators' decisions and suggested scores as labelled data for training");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--out").dest("out").metavar("FILE").setDefault("runs/decisions.jsonl")
                .help("labelled JSON Lines to write");
        subparser.addArgument("--site").dest("site").metavar("NAME").action(net.sourceforge.argparse4j.impl.Arguments.append())
                .help("only the decisions on this site's comments (as CommentView.site names it: a key's site=NAME, key:…, account:…)"
                        + " and the scores this site's keys suggested; repeatable; suggestions stored before they kept a site are left out");
    }

    @Override
    protected void run(Bootstrap<ParleyConfiguration> bootstrap, Namespace namespace, ParleyConfiguration config)
            throws Exception {
        Path out = Path.of(namespace.getString("out"));
        // Said before the database is read: the move at the end would fail on it, naming only a temporary file.
        if (Files.isDirectory(out))
            throw new IllegalArgumentException("--out " + out + " is a directory: name a file in it");
        DataSourceFactory db = config.database;
        // config.yml's empty ${PARLEY_DB_PASSWORD:-} reads as null; the driver wants "".
        java.util.Properties connection = new java.util.Properties();
        connection.putAll(ParleyConfiguration.bounded(db).getProperties());
        connection.put("user", Objects.requireNonNullElse(db.getUser(), ""));
        connection.put("password", Objects.requireNonNullElse(db.getPassword(), ""));
        Jdbi jdbi = Jdbi.create(existing(db.getUrl()), connection);
        boolean tables;
        try {
            tables = hasTables(jdbi);
        } catch (org.jdbi.v3.core.ConnectionException e) {
            throw org.parley.service.store.Database.cannotOpen(db.getUrl(), db.getUser(), e);
        }
        if (!tables)
            throw new IllegalStateException(org.parley.service.store.Database.shown(db.getUrl()) + " holds no Parley tables: is it the service's database (PARLEY_DB_URL)?");
        DecisionExport export = new DecisionExport(new CommentStore(jdbi), new FeedbackStore(jdbi));
        java.util.List<String> sites = namespace.getList("site");
        DecisionExport.Summary summary = writeWhole(out, w -> export.write(w, sites == null ? null : java.util.Set.copyOf(sites)));
        System.out.println(out + ": " + summary);
    }

    /** What writes the file's contents. */
    interface Contents<T> {
        T write(Writer out) throws IOException;
    }

    /**
     * Writes {@code out} through a {@code .part} file beside it, moved into place once whole: a failed export
     * leaves no half file. Nor any {@code .part}, which holds the exported comments' text: it is deleted on any
     * failure (an OutOfMemoryError too, which a catch of Exception let through), and, should the JVM be stopped
     * while writing (SIGTERM, Ctrl-C), by a shutdown hook. A hook that runs after the move finds nothing at the
     * part's path. SIGKILL runs no hook: that leaves the {@code .part}.
     */
    static <T> T writeWhole(Path out, Contents<T> contents) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        Path part;
        try {
            Files.createDirectories(parent);
            part = Files.createTempFile(parent, out.getFileName().toString(), ".part");
        } catch (IOException e) {  // said as the option it comes from: "/etc/passwd: already exists" named no --out
            throw new IllegalArgumentException("--out " + out + ": " + (e instanceof java.nio.file.FileAlreadyExistsException f
                    ? f.getFile() + " is a file, not a directory" : CommandErrors.reason(e)));
        }
        Thread cleanup = new Thread(() -> {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {  // the JVM is going: nothing left to tell
            }
        }, "export-decisions-part-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            T result;
            try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
                result = contents.write(w);
            }
            Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } catch (Throwable e) {  // a move that fails too: the .part holds every exported comment's text
            try {
                Files.deleteIfExists(part);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {  // the hook is running, or has run
            }
        }
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        CommandErrors.print(cli, "export-decisions", e);
    }

    /** An H2 file URL that opens the file only if it is there: reading, H2 would make an empty one. */
    static String existing(String url) {
        return url.startsWith("jdbc:h2:file:") && !url.toUpperCase(java.util.Locale.ROOT).contains("IFEXISTS")
                ? url + ";IFEXISTS=TRUE" : url;
    }

    private static boolean hasTables(Jdbi jdbi) {
        try {
            jdbi.useHandle(h -> h.createQuery("SELECT COUNT(*) FROM decisions WHERE 1 = 0").mapTo(Integer.class).one());
            return true;
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            return false;
        }
    }
}
