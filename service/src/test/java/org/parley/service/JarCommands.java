package org.parley.service;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.util.JarLocation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The service jar's commands (add-moderator, export-decisions) run as {@code java -jar} runs them,
 * but in this JVM and with standard output and error captured: Application.run would exit the JVM on a failure.
 */
public final class JarCommands {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** A config.yml in {@code dir} for an H2 database at {@code url}. */
    public static Path h2Config(Path dir, String url) throws IOException {
        return config(dir.resolve("config.yml"), "org.h2.Driver", url, "sa", "WARN");
    }

    /** A config.yml in {@code dir} for PostgreSQL at {@code url} as postgres, the logging off (the error is the test's). */
    public static Path postgresConfig(Path dir, String url) throws IOException {
        return config(dir.resolve("pg.yml"), "org.postgresql.Driver", url, "postgres", "OFF");
    }

    private static Path config(Path file, String driver, String url, String user, String level) throws IOException {
        return Files.writeString(file, """
                database:
                  driverClass: %s
                  url: "%s"
                  user: %s
                logging:
                  level: %s
                """.formatted(driver, url, user, level));
    }

    /** Runs {@code args} (the command, the config, its options); empty when it succeeded. */
    public Optional<Throwable> run(String... args) {
        ParleyApplication app = new ParleyApplication();
        Bootstrap<ParleyConfiguration> bootstrap = new Bootstrap<>(app);
        app.initialize(bootstrap);
        Cli cli = new Cli(new JarLocation(ParleyApplication.class), bootstrap,
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        // The commands print their reports with System.out, not through the Cli's stream.
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return cli.run(args);
        } finally {
            System.setOut(stdout);
        }
    }

    /** What the commands run since the last {@link #clearOut} (or since this was made) wrote to standard output. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    public void clearOut() {
        out.reset();
    }

    /** What the commands run so far wrote to standard error. */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
