package org.parley.service.errors;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The body check takes exactly the well-formed UTF-8 of RFC 3629, which the JDK's decoder also reads strictly: the
 * request tests sent a few bad bodies, and the lead bytes at the edges of their ranges were sent by none (PIT, sixty-first
 * session: the E1–EF and F1–F3 ranges moved by one at an edge passed them all).
 */
class StrictUtf8Test {
    /** The bytes that bound the ranges of table 3-7, and one inside each. */
    private static final int[] EDGES = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xAF, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF,
            0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};

    private static boolean taken(byte[] bytes) {
        StrictUtf8.Checked checked = new StrictUtf8.Checked(InputStream.nullInputStream());
        try {
            checked.seen(bytes, 0, bytes.length);
            checked.ended();
            return true;
        } catch (ApiException refused) {
            assertEquals("body is not valid UTF-8", refused.getMessage());
            return false;
        }
    }

    private static boolean wellFormed(byte[] bytes) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void everyCodePointsBytesAreTaken() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) continue;
            byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            if (!taken(bytes)) fail("U+" + Integer.toHexString(cp) + " refused");
        }
    }

    /** Every sequence of up to four bytes drawn from the ranges' edges: taken exactly when the JDK reads it strictly. */
    @Test
    void aSequenceIsTakenExactlyWhenItIsWellFormed() {
        int checked = 0;
        for (int a : EDGES) {
            expectSame(new byte[] {(byte) a});
            for (int b : EDGES) {
                expectSame(new byte[] {(byte) a, (byte) b});
                for (int c : EDGES) {
                    expectSame(new byte[] {(byte) a, (byte) b, (byte) c});
                    for (int d : EDGES) {
                        expectSame(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
                        checked++;
                    }
                }
            }
        }
        assertEquals(EDGES.length * EDGES.length * EDGES.length * EDGES.length, checked);
    }

    private static void expectSame(byte[] bytes) {
        assertEquals(wellFormed(bytes), taken(bytes), () -> java.util.HexFormat.ofDelimiter(" ").formatHex(bytes));
    }

    /** A body read in several pieces: a character cut between two reads is still one character. */
    @Test
    void aCharacterSplitAcrossReadsIsOneCharacter() {
        byte[] emoji = "\uD83D\uDE02".getBytes(StandardCharsets.UTF_8);
        StrictUtf8.Checked checked = new StrictUtf8.Checked(InputStream.nullInputStream());
        for (byte b : emoji) checked.seen(new byte[] {0x20, b}, 1, 1);
        checked.ended();
        StrictUtf8.Checked cut = new StrictUtf8.Checked(InputStream.nullInputStream());
        cut.seen(emoji, 0, 3);
        assertThrows(ApiException.class, cut::ended, "the body ends inside the character");
    }
}
