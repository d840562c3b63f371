package io.socialsync.cli;

import java.io.PrintStream;

/**
 * A one-line progress bar on stderr (stdout stays clean for results and --json). Redrawn in place on a terminal;
 * when stderr is not a terminal it prints a line per 10% so logs stay readable.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final String label;
    private final boolean terminal;
    private int lastShown = -1;

    ProgressBar(String label) {
        this(System.err, label, System.console() != null);
    }

    ProgressBar(PrintStream out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.terminal = terminal;
    }

    synchronized void update(double fraction, String message) {
        int percent = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
        if (percent == lastShown || (!terminal && percent / 10 == lastShown / 10 && lastShown >= 0)) {
            return;
        }
        lastShown = percent;
        int filled = percent * WIDTH / 100;
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        String line = String.format("%s [%s] %3d%% %s", label, bar, percent, message == null ? "" : message);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (terminal && lastShown >= 0) {
            out.println();
        }
    }
}
