package org.parley.service.errors;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a body that is not well-formed UTF-8 (RFC 3629, as JSON must be) while it is read.
 * Jackson's decoder accepts overlong forms, reading "\xC0\xAF" as "/", which would carry a
 * character past any check made on the bytes; well-formed, each character has one spelling.
 * Surrogates written as bytes (CESU-8) and code points past U+10FFFF are refused too.
 */
public final class StrictUtf8 implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Checked(context.getInputStream()));
        return context.proceed();
    }

    static final class Checked extends WatchedInput {
        /** Continuation bytes still expected, and the range the next one must fall in. */
        private int need, low = 0x80, high = 0xBF;

        Checked(InputStream in) {
            super(in);
        }

        @Override
        protected void seen(byte[] buf, int off, int n) {
            for (int i = 0; i < n; i++) check(buf[off + i] & 0xFF);
        }

        @Override
        protected void ended() {
            if (need > 0) refuse();  // the body stops inside a character
        }

        /** The well-formed byte sequences of RFC 3629, table 3-7 of the Unicode standard. */
        private void check(int b) {
            if (need > 0) {
                if (b < low || b > high) refuse();
                need--;
                low = 0x80;
                high = 0xBF;
                return;
            }
            if (b < 0x80) return;
            if (b >= 0xC2 && b <= 0xDF) expect(1, 0x80, 0xBF);
            else if (b == 0xE0) expect(2, 0xA0, 0xBF);          // not overlong
            else if (b == 0xED) expect(2, 0x80, 0x9F);          // not a surrogate
            else if (b >= 0xE1 && b <= 0xEF) expect(2, 0x80, 0xBF);
            else if (b == 0xF0) expect(3, 0x90, 0xBF);          // not overlong
            else if (b >= 0xF1 && b <= 0xF3) expect(3, 0x80, 0xBF);
            else if (b == 0xF4) expect(3, 0x80, 0x8F);          // not past U+10FFFF
            else refuse();                                       // C0, C1, F5–FF, or a stray continuation byte
        }

        private void expect(int continuations, int low, int high) {
            need = continuations;
            this.low = low;
            this.high = high;
        }

        private static void refuse() {
            throw ApiException.badField("body", "body is not valid UTF-8");
        }
    }
}
