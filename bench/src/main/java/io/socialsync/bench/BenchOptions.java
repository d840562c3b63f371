package io.socialsync.bench;

import java.time.Duration;
import java.util.List;

/** Command-line options of {@link QueueBench}; {@code --help} prints them. */
record BenchOptions(int jobs, int workers, int batch, List<String> databases, int warmup, int rounds,
                    Duration lease, Duration timeout, String pgSynchronousCommit, boolean sampleWaits, boolean explain, String complete, boolean statements) {

    boolean batchComplete() {
        return complete.equals("batch");
    }

    boolean completer() {
        return complete.equals("completer");
    }

    static final String USAGE = """
            usage: bench/queue [--jobs N] [--workers N] [--batch N] [--db pg|h2|both] [--warmup N] [--rounds N]
                               [--lease SECONDS] [--timeout SECONDS] [--pg-synchronous-commit on|off] [--sample-waits]
              --jobs N        NOOP jobs enqueued and drained per measured round (default 20000)
              --workers N     threads looping claim -> complete (default 8)
              --batch N       jobs claimed per claim() call (default 10)
              --db            which database(s) to measure (default both)
              --warmup N      jobs drained first, untimed, to warm up the JIT and the database (default 2000)
              --rounds N      measured rounds per database in the same context; the figure is their median (default 1)
              --lease S       lease requested with each claim, in seconds (default 60)
              --timeout S     give up on a round after S seconds (default 600)
              --pg-synchronous-commit on|off
                              PostgreSQL synchronous_commit (default off: embedded PostgreSQL's own default)
              --sample-waits  PostgreSQL only: sample pg_stat_activity every 5 ms and print what sessions wait on
              --complete completer|each|batch
                              completer (default): each job handed to the node's BatchCompleter, as the workers
                              do, the worker waiting for its batch's flushes; each: complete() once per job, one
                              transaction each (the workers before the completer); batch: completeAll() once per
                              claimed batch
              --statements    PostgreSQL only: print the statements of the last round by total execution time
                              (pg_stat_statements), with calls per job (diagnostic)
              --explain       print the plan of the claim query with the round's jobs waiting (diagnostic)
            """;

    static BenchOptions parse(String[] args) {
        int jobs = 20_000;
        int workers = 8;
        int batch = 10;
        List<String> databases = List.of("pg", "h2");
        int warmup = 2_000;
        int rounds = 1;
        long lease = 60;
        long timeout = 600;
        String syncCommit = "off";
        boolean sampleWaits = false;
        boolean explain = false;
        String complete = "completer";
        boolean statements = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--jobs" -> jobs = positive(a, value(args, ++i, a));
                case "--workers" -> workers = positive(a, value(args, ++i, a));
                case "--batch" -> batch = positive(a, value(args, ++i, a));
                case "--warmup" -> warmup = nonNegative(a, value(args, ++i, a));
                case "--rounds" -> rounds = positive(a, value(args, ++i, a));
                case "--lease" -> lease = positive(a, value(args, ++i, a));
                case "--timeout" -> timeout = positive(a, value(args, ++i, a));
                case "--db" -> databases = switch (value(args, ++i, a)) {
                    case "pg", "postgres" -> List.of("pg");
                    case "h2" -> List.of("h2");
                    case "both" -> List.of("pg", "h2");
                    default -> throw new IllegalArgumentException("--db takes pg, h2 or both");
                };
                case "--pg-synchronous-commit" -> {
                    syncCommit = value(args, ++i, a);
                    if (!syncCommit.equals("on") && !syncCommit.equals("off")) {
                        throw new IllegalArgumentException("--pg-synchronous-commit takes on or off");
                    }
                }
                case "--sample-waits" -> sampleWaits = true;
                case "--explain" -> explain = true;
                case "--statements" -> statements = true;
                case "--complete" -> {
                    complete = value(args, ++i, a);
                    if (!List.of("completer", "each", "batch").contains(complete)) {
                        throw new IllegalArgumentException("--complete takes completer, each or batch");
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        return new BenchOptions(jobs, workers, batch, databases, warmup, rounds, Duration.ofSeconds(lease),
                Duration.ofSeconds(timeout), syncCommit, sampleWaits, explain, complete, statements);
    }

    private static String value(String[] args, int i, String name) {
        if (i >= args.length) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return args[i];
    }

    private static int positive(String name, String value) {
        int n = nonNegative(name, value);
        if (n == 0) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return n;
    }

    private static int nonNegative(String name, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", ""));
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a whole number, not '" + value + "'");
        }
    }
}
