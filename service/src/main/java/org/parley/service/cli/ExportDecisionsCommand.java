package org.parley.service.cli;

import io.dropwizard.db.DataSourceFactory;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.parley.service.ParleyConfiguration;
import org.parley.service.export.DecisionExport;
import org.parley.service.export.ExportFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code export-decisions CONFIG --out FILE [--site NAME]...} (scripts/export-decisions): the configured
 * database's human decisions and suggested scores as labelled data; with {@code --site}, only the decisions on
 * those sites' comments and the scores their keys suggested. Reads only; the schema is not migrated. The file is
 * written through a {@code .part} beside it (export.ExportFile).
 */
public final class ExportDecisionsCommand extends ScriptCommand {
    public ExportDecisionsCommand() {
        super("export-decisions", "Writes moderators' decisions and suggested scores as labelled data for training",
                "[--config FILE] [--out FILE] [--site NAME]...");
    }

    @Override
    void addOptions(Subparser subparser) {
        subparser.addArgument("--out").dest("out").metavar("FILE").setDefault("runs/decisions.jsonl")
                .help("labelled JSON Lines to write");
        subparser.addArgument("--site").dest("site").metavar("NAME").action(net.sourceforge.argparse4j.impl.Arguments.append())
                .help("only the decisions on this site's comments (as CommentView.site names it: a key's site=NAME, key:…, account:…)"
                        + " and the scores this site's keys suggested; repeatable; suggestions stored before they kept a site are left out");
    }

    @Override
    void execute(Namespace namespace, ParleyConfiguration config) throws Exception {
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
        DecisionExport export = new DecisionExport(jdbi);
        java.util.List<String> sites = namespace.getList("site");
        DecisionExport.Summary summary = ExportFile.write(out, w -> export.write(w, sites == null ? null : java.util.Set.copyOf(sites)),
                dead -> System.err.println("export-decisions: deleted " + dead + ", left by an export that was killed while writing"));
        System.out.println(out + ": " + summary);
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
