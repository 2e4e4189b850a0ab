package peregrine.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the runtime prints while it is open: {@code System.out} and {@code System.err} (still passed on),
 * and every java.util.logging record, which is where {@link System.Logger} writes, with its stack trace.
 */
public final class OutputCapture implements AutoCloseable {

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StringBuilder logged = new StringBuilder();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringWriter trace = new StringWriter();
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(trace));
            }
            synchronized (logged) {
                logged.append(record.getLoggerName()).append(' ').append(record.getMessage()).append(' ')
                        .append(java.util.Arrays.toString(record.getParameters())).append('\n').append(trace).append('\n');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public OutputCapture() {
        System.setOut(new PrintStream(tee(out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(tee(err), true, StandardCharsets.UTF_8));
        // at the level the runtime logs by default: what a user's log would hold
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    private OutputStream tee(PrintStream original) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (bytes) {
                    bytes.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                synchronized (bytes) {
                    bytes.write(b, off, len);
                }
                original.write(b, off, len);
            }
        };
    }

    /** @return what was printed and logged so far */
    public String text() {
        synchronized (bytes) {
            synchronized (logged) {
                return bytes.toString(StandardCharsets.UTF_8) + "\n" + logged;
            }
        }
    }

    @Override
    public void close() {
        System.setOut(out);
        System.setErr(err);
        Logger.getLogger("").removeHandler(handler);
    }
}
