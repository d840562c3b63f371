package io.socialsync.cli;

import io.socialsync.domain.DomainException;
import io.socialsync.ledger.Actor;
import io.socialsync.people.WorkspaceMembers;
import io.socialsync.workspace.Workspaces;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "workspace", mixinStandardHelpOptions = true, description = "Create workspaces (tenants).",
        subcommands = {WorkspaceCommand.Create.class})
public class WorkspaceCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a workspace; add its first admin with `user create --admin --workspace NAME`.")
    static class Create implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Parameters(index = "0", description = "The workspace's name (unique).")
        String name;

        @Override
        public Integer call() {
            if (name.isBlank() || name.strip().length() > 200) {
                throw new CommandLine.ParameterException(spec.commandLine(), "NAME must be 1 to 200 characters");
            }
            try (var ctx = Contexts.tool()) {
                if (ctx.getBean(Workspaces.class).byName(name.strip()).isPresent()) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "a workspace named '" + name.strip() + "' exists");
                }
                var ws = ctx.getBean(WorkspaceMembers.class).create(name, 0, Actor.CLI);
                System.out.println(ws.id() + " " + ws.name());
            } catch (DomainException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.detail());
            }
            return 0;
        }
    }
}
