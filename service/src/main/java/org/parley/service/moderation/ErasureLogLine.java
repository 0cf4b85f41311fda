package org.parley.service.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Optional;

/**
 * The service log's line for an erasure, a site's (its {@code DELETE /v1/comments/{id}}) or the operator's (scripts/erase):
 * the one record of it outside the database, which an operator re-applies after restoring a backup older than it
 * (scripts/erase --from-log; docs/moderation.md, Backup and restore). Written and read here, so that the two cannot
 * drift apart.
 */
public record ErasureLogLine(String site, String id) {
    /** The logger that writes a site's (resources.CommentsResource). */
    public static final String LOGGER = "org.parley.service.resources.CommentsResource";
    /**
     * The logger that writes the operator's (cli.EraseCommand), through the logging of the config it is given, the
     * service's. Until the forty-third session they were in no log, and a restore brought them back for good.
     */
    public static final String OPERATOR_LOGGER = "org.parley.service.cli.EraseCommand";
    /** A line of any other logger is never read as one. */
    private static final List<String> LOGGERS = List.of(LOGGER, OPERATOR_LOGGER);
    private static final String HEAD = "erased comment ", SITE = " of site ";
    /**
     * What says a line is a repeat, a site's ({@link #againMessage}) or the operator's ({@link #operatorAgainMessage}):
     * one marker, so that a search for it finds both.
     */
    public static final String AGAIN = ", sent again: erased before, logged again in case the first one's answer was lost";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Keeps {@code logger}, {@link #LOGGER} or {@link #OPERATOR_LOGGER}, at INFO where the config's logging would write
     * none of its lines (a {@code logging.level}, or a level of its own or of a package above it, past INFO), saying so
     * (a WARN of this class's logger, so not in the erasure log, and silenced by a level above WARN):
     * its lines are the record an operator re-applies after a restore, and until the forty-third session {@code level:
     * WARN} silenced them. Run once Dropwizard has set up the config's logging, which sets every level anew.
     */
    public static void keepLogged(String logger) {
        ch.qos.logback.classic.Logger kept = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(logger);
        if (kept.isInfoEnabled()) return;
        ch.qos.logback.classic.Level was = kept.getEffectiveLevel();
        kept.setLevel(ch.qos.logback.classic.Level.INFO);
        // Said by this class's logger: the erasure log (config.yml) holds the erasure lines alone.
        org.slf4j.LoggerFactory.getLogger(ErasureLogLine.class).warn("the logging's level here, {}, would write no erasure line: {}"
                + " is kept at INFO (docs/moderation.md, Backup and restore)", was, logger);
    }

    /**
     * The message: id and site as JSON strings, which no id breaks into a second line or ends early; never the text or
     * author. {@code actor}: the site's key, as the decision names it.
     */
    public String message(String actor) {
        return sites(actor);
    }

    /**
     * A site's DELETE of a comment found erased already: the same line, said to be a repeat. The first DELETE may have
     * erased it with its answer lost (the connection broke as it committed: a 503, or no answer) and nothing logged, and
     * this is then the line's one chance; read back, it re-applies the erasure as {@link #message} does, and twice is once.
     */
    public String againMessage(String actor) {
        return sites(actor + AGAIN);
    }

    /** A site's line, {@code who} the actor and, for a repeat, {@link #AGAIN}. */
    private String sites(String who) {
        return HEAD + quoted(id) + SITE + quoted(site) + " (its site's DELETE, " + who + "): after restoring a backup older"
                + " than this line, erase it again with scripts/erase --site SITE --id ID (or --from-log LOG)";
    }

    /**
     * The operator's: as a site's, tagged as scripts/erase's ({@code operator}: the login name its decision names), so
     * the two are told apart in the log and read alike.
     */
    public String operatorMessage(String operator) {
        return operators(operator);
    }

    /**
     * The operator's, for a comment scripts/erase --id or --ids found erased already: the same line, said to be a repeat
     * as a site's DELETE sent again says it ({@link #AGAIN}). A run before may have erased it as its connection broke,
     * printed {@code failed:} and logged nothing; read back, it re-applies the erasure as {@link #operatorMessage} does.
     */
    public String operatorAgainMessage(String operator) {
        return operators(operator + AGAIN);
    }

    /** The operator's line, {@code who} the login name and, for a repeat, {@link #AGAIN}. */
    private String operators(String who) {
        return HEAD + quoted(id) + SITE + quoted(site) + " (the operator's scripts/erase, by " + who + "): after restoring a"
                + " backup older than this line, erase it again with scripts/erase --from-log LOG";
    }

    /**
     * {@code value} as a JSON string ({@code null} unquoted), on one line of plain characters: Jackson escapes the C0
     * controls, and here the rest that a terminal, an editor or a log tool reads as something other than a character
     * are escaped too (DEL, the C1 controls, among them U+0085 and the 8-bit CSI U+009B, the line and paragraph
     * separators U+2028 and U+2029, and the invisible format characters, bidi overrides among them). Until the
     * forty-sixth session a site's id put them in the erasure log raw: a viewer that breaks lines at U+2028 (or an
     * editor that offers to remove "unusual line terminators") split or changed the line that re-applies the erasure,
     * and a right-to-left override showed the rest of it reversed. Jackson reads the escapes back ({@link #read}).
     */
    public static String quoted(String value) {
        if (value == null) return "null";
        String json = new String(JsonStringEncoder.getInstance().quoteAsString(value));
        StringBuilder out = new StringBuilder(json.length() + 2).append('"');
        json.codePoints().forEach(c -> {
            if (c == 0x7f || c >= 0x80 && c <= 0x9f || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.FORMAT)
                for (char unit : Character.toChars(c)) out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) unit));
            else out.appendCodePoint(c);
        });
        return out.append('"').toString();
    }

    /**
     * An erasure line as read: the erasure, and when it was written where its layout says (the text layout's {@code LEVEL
     * [yyyy-MM-dd HH:mm:ss,SSS]}, config.yml's {@code %d{ISO8601,UTC}} and Dropwizard's default, or a JSON line's {@code
     * timestamp}, milliseconds since 1970); no time in another layout, when scripts/erase --since cannot tell its age.
     */
    public record Logged(ErasureLogLine erasure, Optional<java.time.Instant> time) {}

    /** The erasure a line of the service's log records, as {@link #logged} reads it, less its time. */
    public static Optional<ErasureLogLine> read(String line) {
        return logged(line).map(Logged::erasure);
    }

    /**
     * The erasure a line of the service's log records and its time, if it is such a line (a site's or the operator's): a
     * text line as config.yml's {@code logFormat} writes it ({@code LEVEL [TIME] LOGGER: MESSAGE}, the logger's name before
     * the line's first {@code ": "}, so no other logger's message can pass for one), or a JSON one ({@code
     * PARLEY_LOG_FORMAT=json}: its {@code logger}, {@code message} and {@code timestamp}). Other lines are empty. A JSON
     * line is parsed once for all three: until the forty-sixth session --since parsed an erasure line a second time for
     * its time.
     *
     * @throws IllegalArgumentException for the loggers' erasure line that does not read as one (cut short), or that
     *                                  follows something else on its line: refused, not skipped, so none is lost unsaid
     */
    public static Optional<Logged> logged(String line) {
        String message;
        Optional<java.time.Instant> time;
        if (line.startsWith("{")) {
            JsonNode object;
            try {
                object = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
            if (!LOGGERS.contains(object.path("logger").asText()) || !object.path("message").isTextual()) return Optional.empty();
            message = object.get("message").asText();
            JsonNode at = object.path("timestamp");
            time = at.isIntegralNumber() ? Optional.of(java.time.Instant.ofEpochMilli(at.asLong())) : Optional.empty();
        } else {
            int colon = line.indexOf(": ");
            String head = colon < 0 ? "" : line.substring(0, colon);
            if (LOGGERS.stream().noneMatch(l -> head.endsWith(" " + l))) {
                // A prefix before the service's own (journalctl's "host parley[123]: "), or a forgery in another message.
                Optional<String> logger = LOGGERS.stream().filter(l -> line.contains(l + ": " + HEAD)).findFirst();
                if (logger.isPresent())
                    throw new IllegalArgumentException("an erasure line must begin as the service writes it (LEVEL [TIME] " + logger.get()
                            + ": erased comment …), with nothing before it (journalctl -o cat)");
                return Optional.empty();
            }
            message = line.substring(colon + 2);
            time = timeOf(head);
        }
        if (!message.startsWith(HEAD)) return Optional.empty();
        int idEnd = endOfString(message, HEAD.length());
        if (idEnd < 0 || !message.startsWith(SITE, idEnd)) throw new IllegalArgumentException("not an erasure line: " + message);
        int siteEnd = endOfString(message, idEnd + SITE.length());
        if (siteEnd < 0 || siteEnd < message.length() && message.charAt(siteEnd) != ' ')
            throw new IllegalArgumentException("not an erasure line: " + message);
        return Optional.of(new Logged(new ErasureLogLine(decoded(message, idEnd + SITE.length(), siteEnd),
                decoded(message, HEAD.length(), idEnd)), time));
    }

    /** The time in a text line's head, {@code LEVEL [yyyy-MM-dd HH:mm:ss,SSS] LOGGER}; empty in another layout. */
    private static Optional<java.time.Instant> timeOf(String head) {
        int open = head.indexOf(" ["), close = open < 0 ? -1 : head.indexOf(']', open);
        if (open < 0 || close < 0 || head.substring(0, open).isBlank() || head.substring(0, open).strip().contains(" "))
            return Optional.empty();
        try {
            return Optional.of(java.time.LocalDateTime.parse(head.substring(open + 2, close), LOGGED_AT).toInstant(java.time.ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static final java.time.format.DateTimeFormatter LOGGED_AT = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    /** Where the JSON string that starts at {@code from} ends (past its closing quote), or -1: a backslash escapes the next character. */
    private static int endOfString(String s, int from) {
        if (from >= s.length() || s.charAt(from) != '"') return -1;
        for (int i = from + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '"') return i + 1;
        }
        return -1;
    }

    /** Jackson decodes the string's escapes ({@code \"}, {@code \n}, {@code \\u2028}, …). */
    private static String decoded(String s, int from, int to) {
        try {
            return JSON.readValue(s.substring(from, to), String.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON string: " + s.substring(from, to), e);
        }
    }
}
