package io.socialsync.cli;

import io.socialsync.domain.Errors;
import java.util.List;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;
import picocli.CommandLine;

/**
 * How the CLI answers a wrong command line: one line naming the mistake, then, where it helps, the commands that do
 * exist and the nearest one; always exit 2, so a script can tell "you called me wrong" from "it failed" (exit 1).
 */
public final class BadArguments {
    public static final int EXIT = 2;

    private BadArguments() {
    }

    public static int handle(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        var err = cmd.getErr();
        List<String> commands = commands(cmd);
        String unknown = unknownCommand(ex, commands);
        if (unknown != null) {
            err.println(prefix(cmd) + "unknown command '" + unknown + "'" + nearest(ex));
        } else {
            err.println("socialsync: " + ex.getMessage());
        }
        if (!commands.isEmpty() && (unknown != null || ex instanceof CommandLine.MissingParameterException
                || ex.getMessage().startsWith("Missing required subcommand"))) {
            err.println("commands: " + String.join(", ", commands));
            err.println("see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        }
        return EXIT;
    }

    /** A failure while running (the arguments were fine): one line, exit 1. */
    public static int failure(Exception ex, CommandLine cmd) {
        cmd.getErr().println("socialsync: " + Errors.oneLine(ex));
        return 1;
    }

    private static List<String> commands(CommandLine cmd) {
        return cmd.getSubcommands().entrySet().stream()
                .filter(e -> e.getKey().equals(e.getValue().getCommandName())) // no aliases twice
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** The first unmatched word, when it stands where a command was expected (not an option, not a value). */
    private static String unknownCommand(ParameterException ex, List<String> commands) {
        if (commands.isEmpty() || !(ex instanceof UnmatchedArgumentException u) || u.isUnknownOption()) {
            return null;
        }
        var unmatched = u.getUnmatched();
        return unmatched.isEmpty() || unmatched.getFirst().startsWith("-") ? null : unmatched.getFirst();
    }

    private static String nearest(ParameterException ex) {
        var suggestions = ((UnmatchedArgumentException) ex).getSuggestions();
        return suggestions.isEmpty() ? "" : "; did you mean '" + suggestions.getFirst() + "'?";
    }

    private static String prefix(CommandLine cmd) {
        String name = cmd.getCommandSpec().qualifiedName();
        return name.equals("socialsync") ? "socialsync: " : "socialsync: " + name.substring("socialsync ".length()) + ": ";
    }
}
