package io.socialsync.cli;

import io.socialsync.domain.DomainException;
import io.socialsync.ledger.Actor;
import io.socialsync.people.Mailer;
import io.socialsync.people.People;
import io.socialsync.web.Role;
import io.socialsync.workspace.Workspace;
import io.socialsync.workspace.Workspaces;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * People, for the operator: the first admin on a new install, invitations and password resets. Links are printed
 * (and also mailed when SMTP is configured), so a server without mail still works.
 */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Create people, invite them, reset passwords.",
        subcommands = {UserCommand.Create.class, UserCommand.Invite.class, UserCommand.ResetPassword.class,
                UserCommand.Disable.class})
public class UserCommand {

    abstract static class Base implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--email", required = true, description = "The person's email address.")
        String email;

        CommandLine.ParameterException bad(String message) {
            return new CommandLine.ParameterException(spec.commandLine(), message);
        }

        long workspace(ConfigurableApplicationContext ctx, String name) {
            return ctx.getBean(Workspaces.class).byName(name)
                    .orElseThrow(() -> bad("no workspace named '" + name + "'")).id();
        }

        Role role(String role) {
            try {
                return Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw bad("--role must be one of admin, editor, viewer");
            }
        }

        @Override
        public Integer call() throws Exception {
            try {
                return run();
            } catch (DomainException e) {
                // refused input (an invalid address, a short password, a taken email): a bad argument
                throw bad(e.detail());
            }
        }

        abstract int run() throws Exception;
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a person in a workspace. The password is read from stdin with --password-stdin, "
                    + "else generated and printed once.")
    static class Create extends Base {
        @Option(names = "--name", description = "Display name (default: the part of the email before @).")
        String name;
        @Option(names = "--admin", description = "Make them an admin of the workspace (same as --role admin).")
        boolean admin;
        @Option(names = "--role", defaultValue = "editor", description = "admin, editor or viewer (default: ${DEFAULT-VALUE}).")
        String role;
        @Option(names = "--workspace", defaultValue = Workspace.DEFAULT_NAME, description = "Workspace name (default: ${DEFAULT-VALUE}).")
        String workspace;
        @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
        boolean passwordStdin;

        @Override
        int run() throws IOException {
            Role parsed = admin ? Role.ADMIN : role(role);
            String password = passwordStdin ? firstLine() : generated();
            String display = name != null ? name : email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            try (var ctx = Contexts.tool()) {
                var user = ctx.getBean(People.class).create(email, display, password, workspace(ctx, workspace),
                        parsed, Actor.CLI);
                if (!passwordStdin) {
                    System.out.println(password);
                    System.err.println("created user " + user.id() + " (" + parsed.wire() + " of " + workspace
                            + "); the password above is shown only this once");
                } else {
                    System.out.println("created user " + user.id() + " (" + parsed.wire() + " of " + workspace + ")");
                }
            }
            return 0;
        }

        private String firstLine() throws IOException {
            var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw bad("--password-stdin: no password on stdin");
            }
            return line;
        }

        private static String generated() {
            byte[] bytes = new byte[18];
            new SecureRandom().nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    @Command(name = "invite", mixinStandardHelpOptions = true,
            description = "Invite someone to a workspace; prints the one-time link (also mailed when SMTP is set).")
    static class Invite extends Base {
        @Option(names = "--role", defaultValue = "editor", description = "admin, editor or viewer (default: ${DEFAULT-VALUE}).")
        String role;
        @Option(names = "--workspace", defaultValue = Workspace.DEFAULT_NAME, description = "Workspace name (default: ${DEFAULT-VALUE}).")
        String workspace;

        @Override
        int run() {
            Role parsed = role(role);
            try (var ctx = Contexts.tool()) {
                var sent = ctx.getBean(People.class).invite(workspace(ctx, workspace), email, parsed, Actor.CLI);
                System.out.println(sent.link());
                System.err.println((sent.mailed() ? "mailed to " : "not mailed (no SMTP configured); give it to ")
                        + email + "; it works once, until " + sent.invitation().expiresAt());
            }
            return 0;
        }
    }

    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "Print a one-time password reset link (also mailed when SMTP is set).")
    static class ResetPassword extends Base {
        @Override
        int run() {
            try (var ctx = Contexts.tool()) {
                var link = ctx.getBean(People.class).resetLink(email)
                        .orElseThrow(() -> bad("no enabled account has the address " + email));
                System.out.println(link);
                if (ctx.getBean(Mailer.class).configured()) {
                    System.err.println("also mailed to " + email);
                }
            }
            return 0;
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disable an account: it can no longer log in, and its sessions end.")
    static class Disable extends Base {
        @Override
        int run() {
            try (var ctx = Contexts.tool()) {
                var user = ctx.getBean(People.class).disable(email);
                System.out.println("disabled user " + user.id());
            }
            return 0;
        }
    }
}
