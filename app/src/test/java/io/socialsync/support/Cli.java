package io.socialsync.support;

import io.socialsync.cli.SocialSync;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in this JVM as a user would, capturing stdout, stderr and the exit code. */
public final class Cli {
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
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = SocialSync.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
