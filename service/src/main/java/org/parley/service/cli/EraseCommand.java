package org.parley.service.cli;

import io.dropwizard.core.setup.Bootstrap;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.parley.service.ParleyConfiguration;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore;

import java.time.Instant;
import java.util.List;

/**
 * {@code erase CONFIG --site SITE (--author NAME | --id ID)} (scripts/erase): erases one author's comments on a site, or
 * one comment, as the site's {@code DELETE /v1/comments/{id}} does (docs/moderation.md, Erasure), for an erasure request
 * that reaches the operator rather than the site. The actor is the operator's login name, of kind OPERATOR.
 */
public final class EraseCommand extends ScriptCommand {
    public EraseCommand() {
        super("erase", "Erase one author's comments on a site (--author), or one comment (--id): text, names, reasons, copies",
                "--site SITE (--author NAME | --id ID)");
    }

    @Override
    void addOptions(Subparser subparser) {
        subparser.addArgument("--site").metavar("SITE").required(true)
                .help("the site whose comments (as a comment's site shows it: a key's site=NAME, or key:FINGERPRINT)");
        var which = subparser.addMutuallyExclusiveGroup().required(true);
        which.addArgument("--author").metavar("NAME").help("erase every comment of the site with this author, as the site sent it (exactly)");
        which.addArgument("--id").metavar("ID").help("erase the site's comment with this id");
    }

    @Override
    protected void run(Bootstrap<ParleyConfiguration> bootstrap, Namespace args, ParleyConfiguration config) {
        String site = nonBlank(args.getString("site"), "--site");
        String author = args.getString("author"), id = args.getString("id");
        if (author != null) nonBlank(author, "--author");
        else nonBlank(id, "--id");
        String actor = System.getProperty("user.name", "operator");
        try (CommandDatabase db = CommandDatabase.open(config, "erase")) {
            CommentStore store = new CommentStore(db.jdbi());
            if (author != null) {
                List<StoredComment> erased = store.eraseAuthor(site, author, actor, Decider.OPERATOR, Instant.now());
                System.out.println("erased " + erased.size() + " comment" + (erased.size() == 1 ? "" : "s") + " of site " + site
                        + " by '" + author + "'" + (erased.isEmpty() ? "" : ": " + String.join(", ", erased.stream().map(StoredComment::id).toList())));
            } else {
                StoredComment c = store.find(site, id).orElseThrow(() -> new IllegalArgumentException("site " + site + " has no comment '" + id + "'"));
                CommentStore.Erasure e = store.erase(c.key(), actor, Decider.OPERATOR, Instant.now()).orElseThrow();
                System.out.println(e.erased() ? "erased 1 comment of site " + site + ": " + id
                        : "erased 0 comments: comment '" + id + "' of site " + site + " was erased before");
            }
        }
    }

    /** A blank --site, --author or --id would erase nothing, or what nobody meant: refused, with why. */
    private static String nonBlank(String value, String option) {
        if (value.isBlank()) throw new IllegalArgumentException(option + " must not be blank");
        return value;
    }
}
