package org.parley.service.cli;

import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.parley.service.ParleyConfiguration;
import org.parley.service.store.AccountStore;

/**
 * {@code remove-moderator CONFIG --username NAME}: removes a moderator account and ends its sessions at
 * once, for someone who leaves the team (a password reset was the only way to lock them out). The
 * decisions they made keep their name.
 */
public final class RemoveModeratorCommand extends ScriptCommand {
    public RemoveModeratorCommand() {
        super("remove-moderator", "Remove a moderator account and end its sessions; its decisions keep the name", "--username NAME");
    }

    @Override
    void addOptions(Subparser subparser) {
        subparser.addArgument("--username").metavar("NAME").required(true).help("the log-in name");
    }

    @Override
    void execute(Namespace args, ParleyConfiguration config) {
        String username = args.getString("username").strip();
        try (CommandDatabase db = CommandDatabase.open(config, "remove-moderator")) {
            if (!new AccountStore(db.jdbi()).remove(username))
                throw new IllegalArgumentException("no account '" + username + "'");
            System.out.println("account '" + username + "' removed, its sessions ended");
        }
    }
}
