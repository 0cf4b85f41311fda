package org.parley.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/** A command's exit status and what it printed on standard output or error as it ran; the stream is put back after. */
record Printed(int code, String text) {
    static Printed out(IntSupplier command) {
        return capture(command, System.out, System::setOut);
    }

    /** A command's status and both its streams, for a test that reads its result on one and its tables on the other. */
    record Both(int code, String out, String err) {}

    static Both both(IntSupplier command) {
        Printed[] out = new Printed[1];
        Printed err = err(() -> (out[0] = out(command)).code());
        return new Both(err.code(), out[0].text(), err.text());
    }

    static Printed err(IntSupplier command) {
        return capture(command, System.err, System::setErr);
    }

    private static Printed capture(IntSupplier command, PrintStream was, Consumer<PrintStream> set) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        set.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            int code = command.getAsInt();
            return new Printed(code, bytes.toString(StandardCharsets.UTF_8));
        } finally {
            set.accept(was);
        }
    }
}
