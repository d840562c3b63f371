package io.socialsync.cli;

import io.socialsync.cli.AnalyseCommand;
import io.socialsync.cli.ApiKeyCommand;
import io.socialsync.cli.BadArguments;
import io.socialsync.cli.DoctorCommand;
import io.socialsync.cli.EditCommand;
import io.socialsync.cli.IngestCommand;
import io.socialsync.cli.InventoryCommand;
import io.socialsync.cli.LedgerCommand;
import io.socialsync.cli.PublishCommand;
import io.socialsync.cli.RenderCommand;
import io.socialsync.cli.ServeCommand;
import io.socialsync.cli.UserCommand;
import io.socialsync.cli.WorkerCommand;
import io.socialsync.cli.WorkspaceCommand;
import io.socialsync.domain.Errors;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of the one jar: every process role and tool is a subcommand. */
@Command(name = "socialsync", mixinStandardHelpOptions = true, version = "socialsync 0.1.0",
        description = "Turns long videos into short social-media posts.",
        subcommands = {ServeCommand.class, WorkerCommand.class, DoctorCommand.class,
                ApiKeyCommand.class, WorkspaceCommand.class, UserCommand.class, LedgerCommand.class, IngestCommand.class, InventoryCommand.class,
                EditCommand.class, PublishCommand.class, AnalyseCommand.class, RenderCommand.class,
                CommandLine.HelpCommand.class})
public class SocialSync implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // one switch for machine-readable logs: SOCIALSYNC_LOG_FORMAT=json (Elastic Common Schema lines)
        if ("json".equalsIgnoreCase(System.getenv("SOCIALSYNC_LOG_FORMAT"))) {
            System.setProperty("logging.structured.format.console", "ecs");
        }
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new SocialSync());
        // a bad argument is one line on stderr and exit 2, not a stack trace
        cli.setParameterExceptionHandler(BadArguments::handle);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> BadArguments.failure(ex, cmd));
        return cli.execute(args);
    }

    /** Bare {@code socialsync}: nothing was asked, so the help goes to stderr with the bad-argument exit. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return BadArguments.EXIT;
    }
}
