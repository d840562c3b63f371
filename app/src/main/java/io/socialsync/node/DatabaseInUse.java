package io.socialsync.node;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * The embedded H2 database is open in another process. H2 runs without {@code AUTO_SERVER} (which opened a TCP
 * port on every interface), so one process at a time holds the file, and a second one fails at start: this turns
 * H2's error into a sentence naming the holder, found through its locked work directory ({@link NodeWork}).
 * Registered in META-INF/spring.factories, so {@code serve} and {@code worker} print it too.
 */
public final class DatabaseInUse implements FailureAnalyzer {
    /** H2's DATABASE_ALREADY_OPEN_1. */
    private static final int ALREADY_OPEN = 90020;
    private static final Pattern FILE = Pattern.compile("in use: \"([^\"]+)\"");
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");
    private static final Pattern COMMAND = Pattern.compile("command=(\\w+)");

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return message(failure).map(m -> new FailureAnalysis(m, "Stop that process, or make this request "
                + "through its HTTP API. Several processes on one database need PostgreSQL (SOCIALSYNC_DB_URL).",
                failure)).orElse(null);
    }

    /** One line for a person, if {@code failure} is H2 refusing a database another process holds. */
    public static Optional<String> message(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ALREADY_OPEN) {
                return Optional.of(sentence(dataDir(sql.getMessage())));
            }
        }
        return Optional.empty();
    }

    /** {@code <data>/db/<name>.mv.db} → {@code <data>}; null for a database elsewhere. */
    private static Path dataDir(String h2Message) {
        var m = FILE.matcher(h2Message == null ? "" : h2Message);
        if (!m.find()) return null;
        Path db = Path.of(m.group(1)).getParent();
        return db != null && db.getFileName() != null && db.getFileName().toString().equals("db")
                ? db.getParent() : null;
    }

    private static String sentence(Path data) {
        String where = data == null ? "the embedded database" : "the database in " + data;
        List<OwnedDir.Owner> owners = data == null ? List.of() : OwnedDir.liveOwners(data.resolve("work"));
        var holder = owners.stream().filter(o -> !o.note().contains("command=tool")).findFirst()
                .or(() -> owners.stream().findFirst());
        if (holder.isEmpty()) {
            return where + " is in use by another process (a running `socialsync serve`?); stop it or run this"
                    + " against its API";
        }
        String note = holder.get().note();
        var command = COMMAND.matcher(note);
        var pid = PID.matcher(note);
        String who = command.find() && !command.group(1).equals("tool") ? "a running `socialsync "
                + command.group(1) + "`" : "another socialsync command";
        return where + " is in use by " + who + (pid.find() ? " (pid " + pid.group(1) + ")" : "")
                + "; stop it or run this against its API";
    }
}
