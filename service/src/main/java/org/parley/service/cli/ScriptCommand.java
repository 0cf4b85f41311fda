package org.parley.service.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.parley.service.ParleyConfiguration;
import org.parley.service.errors.CommandErrors;

/**
 * A command of the service jar that {@code scripts/NAME} runs, giving it the config file. A wrong or missing option
 * shows the script's usage, not argparse4j's {@code java -jar parley-service-….jar NAME … [file]} (a file the script
 * already gave); ParleyApplication exits 2 for it. A failure once running prints its reason, not a stack trace.
 */
abstract class ScriptCommand extends ConfiguredCommand<ParleyConfiguration> {
    private final String usage;

    /** {@code options}: the script's options as its usage line shows them, after {@code scripts/NAME}. */
    ScriptCommand(String name, String description, String options) {
        super(name, description);
        this.usage = "scripts/" + name + " " + options;
    }

    @Override
    public final void configure(Subparser subparser) {
        super.configure(subparser);
        addOptions(subparser);
        subparser.usage(usage);
    }

    abstract void addOptions(Subparser subparser);

    /**
     * The script gives the file, so its help does not list it: hidden, and in a group of its own, as argparse4j still
     * heads the help's "positional arguments:" for a hidden one outside a group.
     */
    @Override
    protected Argument addFileArgument(Subparser subparser) {
        return subparser.addArgumentGroup("").addArgument("file").nargs("?").help(Arguments.SUPPRESS);
    }

    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        CommandErrors.print(cli, getName(), e);
    }
}
