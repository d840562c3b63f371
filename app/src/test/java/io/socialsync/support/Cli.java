package io.socialsync.support;

import io.socialsync.cli.SocialSync;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in this JVM as a user would, capturing stdout, stderr and the exit code. */
public final class Cli {
    /** Set on the thread running the CLI and inherited by the threads it starts; a server's threads never see it. */
    private static final InheritableThreadLocal<Boolean> RUNNING_CLI = new InheritableThreadLocal<>();

    private Cli() {
    }

    public record Run(int exit, String out, String err) {
    }

    /** Points the CLI's own contexts at a test database (system properties outrank application.yml). */
    public static void useDatabase(TestDatabases.Db db, Path dataDir) {
        System.setProperty("socialsync.data-dir", dataDir.toString());
        System.setProperty("spring.datasource.url", db.url());
    }

    public static void forgetDatabase() {
        System.clearProperty("socialsync.data-dir");
        System.clearProperty("spring.datasource.url");
    }

    public static synchronized Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        // A server running in this JVM logs to System.out from its own threads (logback looks System.out up on
        // each write): those lines stay on the console, so the captured output is the CLI's alone.
        System.setOut(new PrintStream(new CliThreadsOnly(out, oldOut), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new CliThreadsOnly(err, oldErr), true, StandardCharsets.UTF_8));
        RUNNING_CLI.set(true);
        try {
            int exit = SocialSync.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            RUNNING_CLI.remove();
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static final class CliThreadsOnly extends OutputStream {
        private final OutputStream captured;
        private final OutputStream others;

        CliThreadsOnly(OutputStream captured, OutputStream others) {
            this.captured = captured;
            this.others = others;
        }

        private OutputStream target() {
            return Boolean.TRUE.equals(RUNNING_CLI.get()) ? captured : others;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            others.flush();
        }
    }
}
