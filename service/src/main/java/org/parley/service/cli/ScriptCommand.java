package org.parley.service.cli;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.logging.common.LoggingUtil;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Argument;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.parley.service.ParleyConfiguration;
import org.parley.service.monitoring.BrokenConnectionWarning;

/**
 * A command of the service jar that {@code scripts/NAME} runs, giving it the config file. A wrong or missing option
 * shows the script's usage, not argparse4j's {@code java -jar parley-service-….jar NAME … [file]} (a file the script
 * already gave); ParleyApplication exits 2 for it, as for any {@link ArgumentParserException} (bad input, refused
 * before anything is done). A failure once running prints its reason, not a stack trace. Its log writes the pool's
 * broken-connection warning as one line, as the service's does (since the fiftieth session).
 */
abstract class ScriptCommand extends ConfiguredCommand<ParleyConfiguration> {
    private final String usage;
    private Subparser parser;

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
        parser = subparser;
    }

    abstract void addOptions(Subparser subparser);

    /** Checks what argparse4j cannot (an option required unless another is given), before the config is read. */
    void check(Namespace args) throws ArgumentParserException {}

    /** A wrong or missing option found by {@link #check}: shown as argparse4j's own are, the problem and the help. */
    ArgumentParserException usageError(String problem) {
        return new ArgumentParserException(problem, parser);
    }

    @Override
    public final void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        check(namespace);
        super.run(bootstrap, namespace);
    }

    /**
     * Dropwizard has configured the config's logging, which drops any turbo filter: the pool's warning about a broken
     * connection is one line here as in the service's log ({@link BrokenConnectionWarning}), then the command runs.
     */
    @Override
    protected final void run(Bootstrap<ParleyConfiguration> bootstrap, Namespace namespace, ParleyConfiguration config) throws Exception {
        BrokenConnectionWarning.install(LoggingUtil.getLoggerContext());
        execute(namespace, config);
    }

    /** What the command does, once its options are checked and its config's logging is set up. */
    abstract void execute(Namespace namespace, ParleyConfiguration config) throws Exception;

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
        if (e instanceof ArgumentParserException a && a.getParser() != null) {
            cli.getStdErr().println(a.getMessage());
            a.getParser().printHelp(cli.getStdErr());
        } else CommandErrors.print(cli, getName(), e);
    }
}
