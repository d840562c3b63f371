package io.socialsync.cli;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspace;
import io.socialsync.workspace.Workspaces;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apikey", mixinStandardHelpOptions = true, description = "Create, list and revoke API keys.",
        subcommands = {ApiKeyCommand.Create.class, ApiKeyCommand.ListKeys.class, ApiKeyCommand.Revoke.class})
public class ApiKeyCommand {

    static class WorkspaceOption {
        @Option(names = "--workspace", defaultValue = Workspace.DEFAULT_NAME, description = "Workspace name (default: ${DEFAULT-VALUE}).")
        String workspace;

        long id(ConfigurableApplicationContext ctx) {
            return ctx.getBean(Workspaces.class).byName(workspace)
                    .orElseThrow(() -> new IllegalArgumentException("no workspace named '" + workspace + "'")).id();
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a key; prints it once.")
    static class Create implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        WorkspaceOption ws;
        @Option(names = "--name", required = true, description = "What the key is for.")
        String name;
        @Option(names = "--role", defaultValue = "editor", converter = RoleConverter.class,
                description = "admin, editor or viewer (default: ${DEFAULT-VALUE}).")
        Role parsed;

        @Override
        public Integer call() {
            try (var ctx = Contexts.tool()) {
                var created = ctx.getBean(ApiKeyService.class).create(ws.id(ctx), name, parsed, Actor.CLI);
                System.out.println(created.plainKey());
                System.err.println("created key " + created.key().id() + " (" + parsed.wire()
                        + "); it is shown only this once");
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the keys of a workspace.")
    static class ListKeys implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        WorkspaceOption ws;

        @Override
        public Integer call() {
            try (var ctx = Contexts.tool()) {
                System.out.printf("%-6s %-20s %-8s %-9s %s%n", "ID", "PUBLIC ID", "ROLE", "STATE", "NAME");
                for (var k : ctx.getBean(ApiKeyService.class).list(ws.id(ctx))) {
                    System.out.printf("%-6d %-20s %-8s %-9s %s%n", k.id(), k.publicId(), k.role().wire(),
                            k.active() ? "active" : "revoked", k.name());
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a key by id.")
    static class Revoke implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        WorkspaceOption ws;
        @Parameters(index = "0", description = "Key id (see apikey list).")
        long id;

        @Override
        public Integer call() {
            try (var ctx = Contexts.tool()) {
                ctx.getBean(ApiKeyService.class).revoke(ws.id(ctx), id, Actor.CLI);
                System.out.println("revoked key " + id);
            }
            return 0;
        }
    }
}
