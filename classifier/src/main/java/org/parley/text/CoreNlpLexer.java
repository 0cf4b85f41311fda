package org.parley.text;

import com.sun.management.HotSpotDiagnosticMXBean;
import edu.stanford.nlp.process.LexedTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import edu.stanford.nlp.process.Tokenizer;
import edu.stanford.nlp.process.TokenizerFactory;
import java.io.Reader;
import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token boundaries from CoreNLP's PTB lexer, used directly rather than through a
 * StanfordCoreNLP pipeline (no annotation maps, no CoreLabels). Only the boundaries are used:
 * each token's form is taken from the clean text, so CoreNLP's rewriting of words (PTB
 * escaping, americanisation, quotes) is switched off or ignored.
 *
 * <p>Two costs of CoreNLP 4.5.10 are worked around, both measured on the Jigsaw comments:
 * <ul>
 *   <li>{@code PTBLexer.next()} is 10.7 kB of bytecode, over HotSpot's 8 kB limit for JIT
 *       compilation, so by default it runs interpreted, about 5× slower. JVMs that tokenise in
 *       bulk must run with {@code -XX:-DontCompileHugeMethods}; a warning is logged when it is
 *       missing.</li>
 *   <li>A new {@code PTBTokenizer} per comment parses the option string again (about 12% of
 *       the pipeline's time). The lexer has {@code yyreset}, but its class is package-private,
 *       so one lexer per thread is reused through method handles. If a CoreNLP upgrade removes
 *       those members, the public {@code PTBTokenizer} path is used instead, with the same
 *       output; {@code CoreNlpLexerTest} fails to say so.</li>
 * </ul>
 * The lexer looks ahead to the end of a run without whitespace for some chars, so hostile
 * inputs cost it time quadratic in the run (20,000 chars of {@code &} or {@code "} took seconds).
 * Texts are therefore lexed in segments of at most {@value #MAX_SEGMENT} chars cut after
 * whitespace, which leaves ordinary tokens (URLs up to that length included) as they are; a
 * longer run without whitespace is cut every {@value #HARD_SEGMENT} chars, mid-token.
 */
final class CoreNlpLexer {
    private static final Logger LOG = LoggerFactory.getLogger(CoreNlpLexer.class);

    /** Options that change token boundaries, or switch off work on forms we do not use. */
    static final String OPTIONS = String.join(",",
            "invertible=false", // offsets come without it, and it needs CoreLabels
            "ptb3Escaping=false", // no -LRB-, quote or dash rewriting
            "americanize=false",
            "splitHyphenated=false", // "covid-19", "well-known" stay one token
            "splitAssimilations=false", // "gonna" stays one word
            "untokenizable=noneKeep"); // odd chars become tokens, with no log line per comment

    static final int MAX_SEGMENT = 500;
    static final int HARD_SEGMENT = 100;

    private static final LexedTokenFactory<Draft> DRAFTS = (word, begin, length) -> Draft.word(begin, begin + length, word);
    private static final TokenizerFactory<Draft> FACTORY = PTBTokenizer.factory(DRAFTS, OPTIONS);

    private static final MethodHandle NEW_LEXER;
    private static final MethodHandle RESET;
    private static final MethodHandle NEXT;
    private static final MethodHandle STATE;
    private static final MethodHandle BEGIN;
    private static final ThreadLocal<ReusedLexer> LEXERS = ThreadLocal.withInitial(ReusedLexer::new);

    static {
        MethodHandle[] handles = lexerHandles();
        NEW_LEXER = handles[0];
        RESET = handles[1];
        NEXT = handles[2];
        STATE = handles[3];
        BEGIN = handles[4];
        if (!lexerCompiled()) {
            LOG.warn("CoreNLP's PTBLexer.next() is too large for the JIT on this JVM and runs interpreted "
                    + "(about 5x slower): start the JVM with -XX:-DontCompileHugeMethods for bulk tokenising");
        }
    }

    private CoreNlpLexer() {}

    /** Word drafts over a text that is its own clean copy; thread-safe. */
    static List<Draft> tokenize(String clean) {
        return tokenize(CleanText.identity(clean));
    }

    /** Word drafts over the clean text; thread-safe. */
    static List<Draft> tokenize(CleanText cleanText) {
        String clean = cleanText.text();
        if (clean.length() <= MAX_SEGMENT) {
            return lex(clean);
        }
        List<Draft> drafts = new ArrayList<>(clean.length() / 4 + 4);
        for (int from = 0; from < clean.length(); ) {
            int to = segmentEnd(cleanText, from);
            for (Draft d : lex(clean.substring(from, to))) {
                drafts.add(from == 0 ? d : Draft.word(d.begin + from, d.end + from, d.text));
            }
            from = to;
        }
        return drafts;
    }

    static int segmentEnd(String clean, int from) {
        return segmentEnd(CleanText.identity(clean), from);
    }

    /**
     * End of the segment starting at {@code from}: after its last whitespace, else a hard cut. Either falls where a raw
     * char begins: a cut among the clean chars of one raw char ("ﬃ" is three) made two tokens of it whose raw offsets
     * overlapped, and a cut between the halves of a surrogate pair two tokens of one emoji.
     */
    static int segmentEnd(CleanText cleanText, int from) {
        String clean = cleanText.text();
        int limit = from + MAX_SEGMENT;
        if (limit >= clean.length()) {
            return clean.length();
        }
        for (int i = limit; i > from + 1; i--) {
            if (Character.isWhitespace(clean.charAt(i - 1)) && cuttable(cleanText, i)) {
                return i;
            }
        }
        for (int cut = from + HARD_SEGMENT; cut > from; cut--) {
            if (cuttable(cleanText, cut)) {
                return cut;
            }
        }
        for (int cut = from + HARD_SEGMENT + 1; cut < clean.length(); cut++) { // one raw char of over 100 clean ones
            if (cuttable(cleanText, cut)) {
                return cut;
            }
        }
        return clean.length();
    }

    private static boolean cuttable(CleanText cleanText, int at) {
        String clean = cleanText.text();
        return cleanText.startsRawSpan(at)
                && !(Character.isHighSurrogate(clean.charAt(at - 1)) && Character.isLowSurrogate(clean.charAt(at)));
    }

    private static List<Draft> lex(String clean) {
        if (NEW_LEXER == null) {
            return tokenizeFresh(clean);
        }
        List<Draft> drafts = new ArrayList<>(clean.length() / 4 + 4);
        ReusedLexer lexer = LEXERS.get();
        try {
            RESET.invokeExact(lexer.lexer, (Reader) new StringReader(clean));
            BEGIN.invokeExact(lexer.lexer, lexer.state);
            for (Object d = NEXT.invokeExact(lexer.lexer); d != null; d = NEXT.invokeExact(lexer.lexer)) {
                add((Draft) d, clean, drafts);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("CoreNLP lexer failed on a " + clean.length() + "-char text", e);
        }
        return drafts;
    }

    /** One segment through CoreNLP's public API: a new tokenizer per call. */
    static List<Draft> tokenizeFresh(String clean) {
        Tokenizer<Draft> tokenizer = FACTORY.getTokenizer(new StringReader(clean));
        List<Draft> drafts = new ArrayList<>(clean.length() / 4 + 4);
        while (tokenizer.hasNext()) {
            add(tokenizer.next(), clean, drafts);
        }
        return drafts;
    }

    static boolean reusesLexers() {
        return NEW_LEXER != null;
    }

    private static void add(Draft d, String clean, List<Draft> drafts) {
        if (d.begin < d.end) {
            if (d.text.length() != d.end - d.begin || !clean.startsWith(d.text, d.begin)) {
                d.text = clean.substring(d.begin, d.end); // the lexer rewrote it: use the surface
            }
            drafts.add(d);
        }
    }

    /** Whether this JVM JIT-compiles huge methods such as {@code PTBLexer.next()}. */
    static boolean lexerCompiled() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot == null || "false".equals(hotspot.getVMOption("DontCompileHugeMethods").getValue());
        } catch (RuntimeException | LinkageError e) {
            return true; // not HotSpot: nothing we know to advise
        }
    }

    /** {constructor, yyreset, next, yystate, yybegin} of PTBLexer, or nulls if they are not there. */
    private static MethodHandle[] lexerHandles() {
        try {
            Class<?> type = Class.forName("edu.stanford.nlp.process.PTBLexer");
            Constructor<?> constructor = type.getConstructor(Reader.class, LexedTokenFactory.class, String.class);
            Method reset = type.getMethod("yyreset", Reader.class);
            Method next = type.getMethod("next");
            Method state = type.getMethod("yystate");
            Method begin = type.getMethod("yybegin", int.class);
            for (var member : List.of(constructor, reset, next, state, begin)) {
                member.setAccessible(true); // public members of a package-private class
            }
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            return new MethodHandle[] {
                lookup.unreflectConstructor(constructor).asType(
                        MethodType.methodType(Object.class, Reader.class, LexedTokenFactory.class, String.class)),
                lookup.unreflect(reset).asType(MethodType.methodType(void.class, Object.class, Reader.class)),
                lookup.unreflect(next).asType(MethodType.methodType(Object.class, Object.class)),
                lookup.unreflect(state).asType(MethodType.methodType(int.class, Object.class)),
                lookup.unreflect(begin).asType(MethodType.methodType(void.class, Object.class, int.class))
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot reuse CoreNLP's PTBLexer ({}); building a tokenizer per text instead", e.toString());
            return new MethodHandle[5];
        }
    }

    /** One thread's lexer and the lexical state its constructor chose (yyreset forgets it). */
    private static final class ReusedLexer {
        final Object lexer;
        final int state;

        ReusedLexer() {
            try {
                lexer = (Object) NEW_LEXER.invokeExact((Reader) new StringReader(""), DRAFTS, OPTIONS);
                state = (int) STATE.invokeExact(lexer);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot build CoreNLP's PTBLexer", e);
            }
        }
    }
}
