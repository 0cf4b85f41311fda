package org.parley.service.cli;

import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.parley.service.ParleyConfiguration;
import org.parley.service.erasurelog.ErasureLogRoom;
import org.parley.service.erasurelog.OperatorMonths;
import org.parley.service.errors.DatabaseExceptionMapper;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.ErasureLogLine;
import org.parley.service.moderation.StoredComment;
import org.parley.service.monitoring.LogQueues;
import org.parley.service.store.CommentStore;
import org.parley.service.store.FailureReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * {@code erase CONFIG --site SITE (--author NAME | --id ID... | --ids FILE) | --from-log LOG [--since WHEN]} (scripts/erase): erases one
 * author's comments on a site, or comments by id, as the site's {@code DELETE /v1/comments/{id}} does
 * (docs/moderation.md, Erasure), for an erasure request that reaches the operator rather than the site, or to re-apply
 * the erasures a restored backup brought back (Backup and restore): the ids of a file, or the service log's erasure
 * lines, each for its own site, in one run rather than a JVM each. The actor is the operator's login name, of kind
 * OPERATOR. Each comment it erases is logged as a site's DELETE logs it ({@link ErasureLogLine#operatorMessage}), through
 * the logging of the config it is given (the service's: its erasure log's operator file, and the main log's appenders),
 * so that --from-log re-applies the operator's erasures too; a comment --id or --ids finds erased already is logged again,
 * said to be a repeat ({@link ErasureLogLine#operatorAgainMessage}), as a site's DELETE sent again is: a run before may
 * have erased it as its connection broke, and logged nothing.
 */
public final class EraseCommand extends ScriptCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ErasureLogLine.OPERATOR_LOGGER);
    /** The erasure log's free bytes, as {@link ErasureLogRoom} reads them; a test's seam (no test fills a disk). */
    static ToLongFunction<Path> usable = ErasureLogRoom::usable;
    public EraseCommand() {
        super("erase", "Erase one author's comments on a site (--author), or comments by id (--id, --ids, --from-log): text, names, reasons, copies",
                "--site SITE (--author NAME | --id ID... | --ids FILE) | --from-log LOG... [--since WHEN]");
    }

    @Override
    void addOptions(Subparser subparser) {
        subparser.addArgument("--site").metavar("SITE")
                .help("the site whose comments (as a comment's site shows it: a key's site=NAME, or key:FINGERPRINT); not with --from-log");
        var which = subparser.addMutuallyExclusiveGroup().required(true);
        which.addArgument("--author").metavar("NAME").help("erase every comment of the site with this author, as the site sent it (exactly)");
        which.addArgument("--id").metavar("ID").action(Arguments.append()).help("erase the site's comment with this id (repeatable)");
        which.addArgument("--ids").metavar("FILE").help("erase the site's comments with the ids of FILE, one a line (-: standard input)");
        which.addArgument("--from-log").metavar("LOG").nargs("+")
                .help("erase the comment of each line 'erased comment \"ID\" of site \"SITE\"' of the service's logs LOG: each a log,"
                        + " gzip or not, a directory (the erasure log, runs/erasures by default), or - for standard input");
        subparser.addArgument("--since").metavar("WHEN")
                .help("with --from-log: skip the erasure lines written before WHEN, YYYY-MM or YYYY-MM-DD (UTC): the backup's day or earlier");
    }

    /** --since's start (UTC): a month's first day, or a day. */
    static java.time.Instant since(String value) throws ArgumentParserException {
        try {
            java.time.LocalDate day = value.matches("\\d{4}-\\d{2}") ? java.time.YearMonth.parse(value).atDay(1) : java.time.LocalDate.parse(value);
            return day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ArgumentParserException("argument --since: '" + value + "' is no month YYYY-MM or day YYYY-MM-DD", null);
        }
    }

    /** --site is required, but for --from-log, whose lines name their sites. */
    @Override
    void check(Namespace args) throws ArgumentParserException {
        boolean fromLog = args.getList("from_log") != null, site = args.getString("site") != null;
        if (!fromLog && !site) throw usageError("argument --site is required");
        if (fromLog && site) throw usageError("argument --site: not allowed with argument --from-log (its lines name their sites)");
        if (!fromLog && args.getString("since") != null) throw usageError("argument --since: only with argument --from-log");
    }

    @Override
    void execute(Namespace args, ParleyConfiguration config) throws Exception {
        ErasureLogLine.keepLogged(ErasureLogLine.OPERATOR_LOGGER); // Dropwizard has set up the config's logging
        OperatorMonths.compressPast(ErasureLogLine.OPERATOR_LOGGER); // the erasure log's past operator-YYYY-MM.log
        try {
            erase(args, config);
        } finally {
            LogQueues.drain(); // the erasure lines are the record a restore re-applies: written before the JVM exits
        }
    }

    private void erase(Namespace args, ParleyConfiguration config) throws Exception {
        String author = args.getString("author"), ids = args.getString("ids");
        List<String> id = args.getList("id"), log = args.getList("from_log");
        String site = log == null ? nonBlank(args.getString("site"), "--site") : null;
        if (author != null) nonBlank(author, "--author");
        else if (id != null && id.size() == 1) nonBlank(id.get(0), "--id");
        boolean single = author != null || id != null && id.size() == 1;
        // Read and checked whole before the database is opened: bad input erases nothing.
        ErasureList.FromLog fromLog = log == null ? null : ErasureList.fromLog(log, args.getString("since") == null ? null : since(args.getString("since")));
        List<ErasureList.Target> targets = single ? List.of()
                : fromLog != null ? fromLog.targets() : ids != null ? ErasureList.idsFile(site, ids) : ErasureList.ids(site, id);
        // Every mode writes lines (--from-log too, for what it erases on a restored copy): on a full erasure log they
        // would be lost as quietly as the sites' were (ErasureLogRoom), so nothing is erased until there is room.
        String full = ErasureLogRoom.problem(ErasureLogLine.OPERATOR_LOGGER, usable);
        if (full != null) throw new IllegalStateException("erased nothing: " + full
                + ", and an erasure with no line there would come back with a restore; run it again once it has room");
        String actor = System.getProperty("user.name", "operator");
        try (CommandDatabase db = CommandDatabase.open(config, "erase")) {
            CommentStore store = new CommentStore(db.jdbi());
            if (author != null) {
                List<StoredComment> erased;
                try {
                    // A line a comment, by id, before the transaction commits: re-applying them needs no author's name
                    // kept outside the store, and a commit that breaks leaves them for a restore to re-apply.
                    erased = store.eraseAuthor(site, author, actor, Decider.OPERATOR, Instant.now(),
                            done -> logged(done.comment().site(), done.comment().id(), actor, true));
                } catch (CommentStore.LineNotWritten x) {
                    throw notLogged("erased nothing: an erasure line of site " + site + "'s comments by '" + author
                            + "' was not written (" + x.getMessage() + "), so none of them was erased; run it again once"
                            + " the erasure log has room", x);
                } catch (RuntimeException x) {
                    throw mayHaveCommitted(x, "their erasure lines were written before the commit, so the erasure log has them"
                            + " either way, for a restore to re-apply; run it again to know (it finds none if it committed: an"
                            + " erased comment keeps no author)");
                }
                // The ids as JSON strings, as eraseEach says them: they are the site's, and until the forty-sixth session
                // they reached the operator's terminal raw, so an id could clear the screen, retitle the window, or forge
                // lines ("erased 0 comments") with escape sequences, carriage returns and line breaks.
                System.out.println("erased " + erased.size() + " comment" + (erased.size() == 1 ? "" : "s") + " of site " + site
                        + " by '" + author + "'" + (erased.isEmpty() ? "" : ": "
                        + String.join(", ", erased.stream().map(c -> ErasureLogLine.quoted(c.id())).toList())));
            } else if (single) {
                String one = id.get(0);
                StoredComment c = store.find(site, one).orElseThrow(() -> new IllegalArgumentException("site " + site + " has no comment '" + one + "'"));
                CommentStore.Erasure e;
                try {
                    e = store.erase(c.key(), actor, Decider.OPERATOR, Instant.now(), done -> logged(site, one, actor, done.erased()))
                            .orElseThrow();
                } catch (CommentStore.LineNotWritten x) {
                    throw notLogged(x.tried().erased()
                            ? "erased nothing: the erasure line of comment " + ErasureLogLine.quoted(one) + " of site " + site
                            + " was not written (" + x.getMessage() + "), so it was not erased; run it again once the erasure"
                            + " log has room"
                            : "comment " + ErasureLogLine.quoted(one) + " of site " + site + " was erased before, but its erasure"
                            + " line was not written again (" + x.getMessage() + "): run it again once the erasure log has room", x);
                } catch (RuntimeException x) {
                    throw mayHaveCommitted(x, "its erasure line was written before the commit, so the erasure log has it either"
                            + " way; run it again to know (erased before, if it committed)");
                }
                System.out.println(e.erased() ? "erased 1 comment of site " + site + ": " + one
                        : "erased 0 comments: comment '" + one + "' of site " + site + " was erased before");
            } else eraseEach(store, targets, actor, log == null, fromLog == null ? List.of() : fromLog.cuts());
        }
    }

    /**
     * Each comment in a transaction of its own, as one --id erases it, saying what became of it (ids and sites as JSON
     * strings, which no id breaks into two lines), then how many of each. Unknown (stored after the backup, so not in
     * it, or never) and erased before are no failures; any other failure is said, the rest go on, and the run exits 1.
     * {@code again}: erased before is logged again (--ids, --id), not for --from-log, whose lines are in the log already.
     * {@code cuts}: --from-log's cut erasure lines, counted and named after the total; with none failed, the run then
     * exits 3 ({@link ReviewNeeded}): a disk that cut a line may have lost others whole, which only the main log holds.
     */
    private static void eraseEach(CommentStore store, List<ErasureList.Target> targets, String actor, boolean again, List<String> cuts) {
        int erased = 0, before = 0, unknown = 0, failed = 0;
        boolean broke = false;
        for (ErasureList.Target t : targets) {
            String which = "comment " + ErasureLogLine.quoted(t.id()) + " of site " + ErasureLogLine.quoted(t.site());
            try {
                // Its line before its transaction commits: a line not written undoes its erasure.
                Optional<CommentStore.Erasure> e = store.find(t.site(), t.id())
                        .flatMap(c -> store.erase(c.key(), actor, Decider.OPERATOR, Instant.now(), done -> {
                            if (done.erased() || again) logged(t.site(), t.id(), actor, done.erased());
                        }));
                if (e.isEmpty()) unknown++;
                else if (e.get().erased()) erased++;
                else before++;
                System.out.println((e.isEmpty() ? "unknown: " : e.get().erased() ? "erased: " : "erased before: ") + which);
            } catch (CommentStore.LineNotWritten x) {
                // Going on would try more lines on a disk that takes none.
                throw notLogged((x.tried().erased() ? which + " was not erased: its erasure line was not written ("
                        : which + " was erased before, but its erasure line was not written again (") + x.getMessage()
                        + "); stopped there, the comments after it not tried: run it again once the erasure log has room", x);
            } catch (RuntimeException x) {
                failed++;
                broke |= DatabaseExceptionMapper.isOutage(x);
                System.out.println("failed: " + which + ": " + FailureReason.of(x));
            }
        }
        System.out.println("erased " + erased + ", erased before " + before + ", unknown " + unknown + ", failed " + failed
                + " (of " + targets.size() + ")");
        if (!cuts.isEmpty()) {
            System.out.println("cut lines " + cuts.size() + " (a write that failed half-way, on a full disk: lines near them may be lost):");
            for (String cut : cuts) System.out.println("cut: " + cut);
        }
        String look = cuts.isEmpty() ? "" : "; the logs hold " + cuts.size() + " cut erasure line" + (cuts.size() == 1 ? "" : "s")
                + " (the lines 'cut:' above)";
        if (failed > 0) throw new IllegalStateException(failed + " of " + targets.size() + " failed (the lines 'failed:' above); the rest are done"
                + (again && broke ? "; run those again: one that committed all the same as its connection broke is then erased before,"
                + " and logged" : "") + look);
        if (!cuts.isEmpty()) throw new ReviewNeeded("re-applied every whole erasure line" + look + ": erase by hand what a cut"
                + " one names whose site or id is cut, and look in the main log for the erasures of the time around it, whose"
                + " lines the erasure log may have lost whole (docs/moderation.md, Backup and restore)");
    }

    /**
     * As the service logs a site's: erased, or found erased before ({@code erased} false), said to be a repeat. Erasing
     * again changes nothing, but until the sixty-first session a run whose erasure committed as its connection broke
     * (failed:) logged nothing, the line coming after the commit, and until the forty-eighth session a run again logged
     * nothing either, so the erasure log a restore re-applies lacked it.
     */
    private static void logged(String site, String id, String actor, boolean erased) {
        ErasureLogLine line = new ErasureLogLine(site, id);
        LOG.info("{}", erased ? line.operatorMessage(actor) : line.operatorAgainMessage(actor));
    }

    /**
     * The run's failure for an erasure whose line {@code x} says was not written: {@code message}, which says so and what
     * to do, is the line printed (a cause's message would be, {@link FailureReason}); {@code x}'s trace is kept for
     * PARLEY_DEBUG.
     */
    private static IllegalStateException notLogged(String message, CommentStore.LineNotWritten x) {
        IllegalStateException said = new IllegalStateException(message);
        said.addSuppressed(x);
        return said;
    }

    /**
     * {@code x}, or where the connection broke ({@link DatabaseExceptionMapper#isOutage}, the service's 503, which says the
     * same) a failure that says the erasure may be done all the same, and {@code then} what to do: one line, as the jar's
     * commands print it.
     */
    private static RuntimeException mayHaveCommitted(RuntimeException x, String then) {
        if (!DatabaseExceptionMapper.isOutage(x)) return x;
        IllegalStateException said = new IllegalStateException(FailureReason.of(x)
                + "; it may be done all the same, if the connection broke as it committed: " + then);
        said.addSuppressed(x); // the reason's own trace, for PARLEY_DEBUG
        return said;
    }

    /** A blank --site, --author or one --id would erase nothing, or what nobody meant: refused, with why. */
    private static String nonBlank(String value, String option) {
        if (value.isBlank()) throw new IllegalArgumentException(option + " must not be blank");
        return value;
    }
}
