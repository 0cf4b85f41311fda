package org.parley.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.jackson.Jackson;
import org.parley.service.moderation.ErasureLogLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The shipped config.yml's erasure log (its two loggers' entries under {@code logging.loggers}), read as scripts/serve
 * reads it with {@code PARLEY_ERASURE_LOG} set to a test's directory and every other variable at its default: the tests
 * of the service, the scripts and the rolling files use the entries an operator gets, not a copy of them.
 */
public final class ErasureLogs {
    public static final ObjectMapper YAML = Jackson.newObjectMapper(new YAMLFactory());
    /**
     * The Prometheus metrics only a service with an erasure log exports: ParleyApplicationTest's has none, so its check
     * that the alert rules read exported metrics leaves these to StartUpTest's service, which has config.yml's.
     */
    public static final java.util.List<String> METRICS = java.util.List.of("parley_erasure_log_usable_bytes");

    private ErasureLogs() {}

    /** config.yml as Dropwizard reads it with {@code PARLEY_ERASURE_LOG=dir}, as a tree. */
    public static JsonNode shipped(Path dir) throws IOException {
        String text = new org.apache.commons.text.StringSubstitutor(Map.of("PARLEY_ERASURE_LOG", dir.toString())::get)
                .replace(Files.readString(Path.of("config.yml")));
        return YAML.readTree(text);
    }

    /** The entry of {@code logger} ({@link ErasureLogLine#LOGGER} or {@link ErasureLogLine#OPERATOR_LOGGER}). */
    public static ObjectNode entry(Path dir, String logger) throws IOException {
        JsonNode entry = shipped(dir).path("logging").path("loggers").path(logger);
        if (!(entry instanceof ObjectNode o)) throw new IllegalStateException("config.yml has no erasure log for " + logger);
        return o;
    }

    /**
     * An erasure-file appender as config.yml's type builds it (erasurelog.ForcedLines), writing {@code file} (one file,
     * never rolled), started in {@code context} and attached to none of its loggers.
     */
    public static ch.qos.logback.core.Appender<ch.qos.logback.classic.spi.ILoggingEvent> forced(
            ch.qos.logback.classic.LoggerContext context, Path file) {
        return forced(context, file, true);
    }

    /** {@link #forced(ch.qos.logback.classic.LoggerContext, Path)}, with logback's flush after each line on or off. */
    public static ch.qos.logback.core.Appender<ch.qos.logback.classic.spi.ILoggingEvent> forced(
            ch.qos.logback.classic.LoggerContext context, Path file, boolean immediateFlush) {
        org.parley.service.erasurelog.ErasureFileAppenderFactory factory = new org.parley.service.erasurelog.ErasureFileAppenderFactory();
        factory.setCurrentLogFilename(file.toString());
        factory.setArchive(false);
        factory.setImmediateFlush(immediateFlush);
        factory.setLogFormat("%-5p [%d{ISO8601,UTC}] %c: %m%n");
        return factory.build(context, "parley", new io.dropwizard.logging.common.layout.DropwizardLayoutFactory(),
                new io.dropwizard.logging.common.filter.ThresholdLevelFilterFactory(),
                new io.dropwizard.logging.common.async.AsyncLoggingEventAppenderFactory());
    }

    /** {@code config}'s logging given the shipped erasure log in {@code dir}, beside its own loggers. */
    public static ObjectNode withErasureLog(ObjectNode config, Path dir) throws IOException {
        ObjectNode logging = config.get("logging") instanceof ObjectNode l ? l : config.putObject("logging");
        ObjectNode loggers = logging.get("loggers") instanceof ObjectNode l ? l : logging.putObject("loggers");
        for (String logger : new String[]{ErasureLogLine.LOGGER, ErasureLogLine.OPERATOR_LOGGER}) loggers.set(logger, entry(dir, logger));
        return config;
    }
}
