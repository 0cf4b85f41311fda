package org.parley.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Runs a picocli command so that an expected failure prints one line naming the problem, not a stack trace. */
public final class Cli {
    private Cli() {}

    public static int execute(Object command, String... args) {
        CommandLine line = commandLine(command);
        return stdoutChecked(line, line.execute(args));
    }

    /**
     * {@code code}, or 2 where standard output could not be written (a full disk under {@code > file}): System.out is a
     * PrintStream, which keeps its failures quiet, so until the forty-eighth session a run whose printed result was lost
     * exited 0.
     */
    static int stdoutChecked(CommandLine line, int code) {
        if (code != 0 || !System.out.checkError()) return code;
        line.getErr().println(line.getCommandName() + ": cannot write to standard output (a full disk, or a reader that stopped reading)");
        return 2;
    }

    /** The command line {@link #execute} runs, for a command that sets more on it (its output, say) first. */
    static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setUsageHelpWidth(110); // the descriptions are written as lines of up to ~105 characters
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(line.getCommandName() + ": " + message(e));
            if (System.getenv("PARLEY_DEBUG") != null) e.printStackTrace(line.getErr());
            return 2;
        });
        CommandLine.IParameterExceptionHandler picocli = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((e, args) -> picocli.handleParseException(unknownFirst(e), args));
        cl.setExecutionStrategy(parsed -> {
            CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
            try {
                checkNoOutputIsAnInput(last.getCommandSpec());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ExecutionException(last, e.getMessage(), e);
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return cl;
    }

    /** The options a command writes to; every other path it is given, or has by default, it reads. */
    static final Set<String> OUTPUTS = Set.of("--output", "--metrics", "--report", "--write-lexicon", "--write-stacker");

    /**
     * Refuses, before any work, an output that names a file the command reads or another output: {@code scripts/score
     * --output in.jsonl in.jsonl} truncated the comments it was reading, {@code train --output m.zip --metrics m.zip} left
     * the metrics where the bundle was, {@code evaluate --model m.zip --output m.zip} replaced the bundle, each with exit 0
     * (a data scientist's sixth audit, seventieth session).
     */
    static void checkNoOutputIsAnInput(CommandSpec spec) {
        List<Map.Entry<String, Path>> seen = new ArrayList<>();
        List<ArgSpec> args = new ArrayList<>(spec.args());
        args.sort(Comparator.comparing(a -> a.isOption() && OUTPUTS.contains(((OptionSpec) a).longestName())));
        for (ArgSpec arg : args) {
            String name = arg.isOption() ? ((OptionSpec) arg).longestName() : "the input " + arg.paramLabel();
            boolean output = arg.isOption() && OUTPUTS.contains(name);
            for (Path path : paths(arg.getValue())) {
                if (output)
                    for (Map.Entry<String, Path> other : seen) {
                        boolean same = sameFile(path, other.getValue());
                        if (same || name.equals("--report") && inside(other.getValue(), path))
                            throw new IllegalArgumentException(name + " " + path + (same ? " is also " : " holds ") + other.getKey()
                                    + " " + other.getValue() + ": writing it would "
                                    + (OUTPUTS.contains(other.getKey()) ? "replace that output" : "destroy what the command reads")
                                    + "; name another file");
                    }
                seen.add(Map.entry(name, path));
                // A labelled file is read from FILE.gz where FILE is absent (LabelledFile): that is the file read.
                Path gz = path.resolveSibling(path.getFileName() + ".gz");
                if (!output && !Files.exists(path) && Files.exists(gz)) seen.add(Map.entry(name, gz));
            }
        }
    }

    private static List<Path> paths(Object value) {
        if (value instanceof Path p) return List.of(p);
        if (value instanceof Collection<?> c)
            return c.stream().filter(Path.class::isInstance).map(Path.class::cast).toList();
        return List.of();
    }

    static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // compared by name below
        }
        return real(a).equals(real(b));
    }

    /** Whether {@code file} lies inside the folder {@code folder} (a report's, which is replaced whole). */
    private static boolean inside(Path file, Path folder) {
        Path f = real(file), d = real(folder);
        return f.startsWith(d) && !f.equals(d);
    }

    /**
     * A path as the file system resolves it, for one that may not exist yet: its nearest existing folder's real path (a
     * symbolic link to a folder followed), and the rest as written. Compared by name alone, {@code link/m.zip} and
     * {@code real/m.zip} were two outputs, and the second replaced the first (a check of the seventieth session's mends).
     */
    private static Path real(Path p) {
        Path absolute = p.toAbsolutePath().normalize(), existing = absolute;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return absolute;
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /**
     * picocli checks required parameters before it reports the arguments it did not match, so {@code import-page
     * --no-such-option} said only {@code Missing required parameter: 'PAGE'}. The unknown option is the mistake to name
     * first (the missing parameter is often its value, or comes once the option is right).
     */
    static CommandLine.ParameterException unknownFirst(CommandLine.ParameterException e) {
        CommandLine line = e.getCommandLine();
        if (e instanceof CommandLine.MissingParameterException && line != null && !line.getUnmatchedArguments().isEmpty())
            return new CommandLine.UnmatchedArgumentException(line, line.getUnmatchedArguments());
        return e;
    }

    /**
     * Refuses an output that cannot take the file before the work starts, not after minutes of
     * training: a folder, or a path under a file.
     */
    static void checkOutputFile(java.nio.file.Path output) {
        checkOutputFile("--output", output, "model.zip");
    }

    /** As {@link #checkOutputFile(java.nio.file.Path)}, for the option named (--metrics, say); null: none asked for. */
    static void checkOutputFile(String option, java.nio.file.Path output, String exampleName) {
        if (output == null) return;
        if (java.nio.file.Files.isDirectory(output))
            throw new IllegalArgumentException(option + " " + output + " is a folder; name the file to write, e.g. " + option + " "
                    + output.resolve(exampleName));
        checkAncestors(option, output);
    }

    /** A report folder: refused before the work where it is a file, or lies under one. */
    static void checkOutputFolder(String option, java.nio.file.Path folder) {
        if (java.nio.file.Files.exists(folder) && !java.nio.file.Files.isDirectory(folder))
            throw new IllegalArgumentException(option + " " + folder + " is a file; name a folder to write the report into");
        checkAncestors(option, folder);
    }

    private static void checkAncestors(String option, java.nio.file.Path output) {
        for (java.nio.file.Path up = output.toAbsolutePath().getParent(); up != null; up = up.getParent())
            if (java.nio.file.Files.exists(up) && !java.nio.file.Files.isDirectory(up))
                throw new IllegalArgumentException(option + " " + output + ": " + up + " is a file, not a folder");
    }

    /** Writes a small output file (metrics JSON) as a bundle is written: whole or not at all, a failure naming it. */
    static void writeOutput(java.nio.file.Path file, String text) throws java.io.IOException {
        org.parley.io.AtomicFile.write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** The option of scripts/score and scripts/evaluate that refuses what {@link #pipelineChecked} would warn of. */
    static final String STRICT_PIPELINE = "--strict-pipeline";

    /**
     * A bundle's text-pipeline check ({@link org.parley.model.PipelineCheck}) against the pipeline the scripts read text
     * with: a warning on stderr where it may read text otherwise than its training did; with {@code strict}, a refusal.
     *
     * @param wide whether the bundle's wide part reads the wide text (the toxicity bundle's)
     */
    static org.parley.model.PipelineCheck pipelineChecked(java.nio.file.Path file, com.fasterxml.jackson.databind.JsonNode provenance,
                                                          boolean wide, boolean strict) {
        org.parley.model.PipelineCheck check = org.parley.model.PipelineCheck.of(file, provenance,
                org.parley.text.TextPipeline.standard(), wide).enforce(strict, STRICT_PIPELINE);
        if (check.warns()) System.err.println("warning: " + check.message());
        return check;
    }

    /** As {@link #pipelineChecked}, and said on stderr when it holds too: scripts/evaluate quotes no figure without it. */
    static org.parley.model.PipelineCheck pipelineSaid(java.nio.file.Path file, com.fasterxml.jackson.databind.JsonNode provenance,
                                                       boolean wide, boolean strict) {
        org.parley.model.PipelineCheck check = pipelineChecked(file, provenance, wide, strict);
        if (!check.warns()) System.err.println(check.message());
        return check;
    }

    /**
     * Loads a bundle; one of the other task's (its bundle.json's format is {@code otherFormat}) is refused with
     * {@code message}, which says what to do with it, not only which format it lacks.
     */
    static <T> T loadBundle(java.nio.file.Path file, java.util.function.Supplier<T> load, String otherFormat, String message) {
        try {
            return load.get();
        } catch (org.parley.model.BundleException e) {
            if (otherFormat.equals(org.parley.model.BundleFile.format(file)))
                throw new IllegalArgumentException(message, e);
            throw e;
        }
    }

    /** java.nio's file exceptions say only the path; say what is wrong with it. */
    static String message(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException f) {
            if (f.getReason() != null) return f.getFile() + ": " + f.getReason(); // e.g. "corpus folder missing"
            java.nio.file.Path parent = java.nio.file.Path.of(f.getFile()).toAbsolutePath().getParent();
            if (parent != null && !java.nio.file.Files.isDirectory(parent)) return "no such folder: " + parent + " (for " + f.getFile() + ")";
            return "no such file: " + f.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException f) return "cannot read " + f.getFile() + ": permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null)
            return f.getFile() + ": " + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
        return e.getMessage();
    }
}
