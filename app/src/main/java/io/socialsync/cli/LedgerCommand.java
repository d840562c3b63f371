package io.socialsync.cli;

import io.socialsync.ledger.LedgerCheckpoints;
import io.socialsync.ledger.LedgerVerifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Inspect the append-only ledger.",
        subcommands = {LedgerCommand.Verify.class, LedgerCommand.Checkpoint.class})
public class LedgerCommand {

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Walk the hash chain, check every row's MAC and the latest signed checkpoint; print the "
                    + "first broken link and exit 1 on any tampering.")
    static class Verify implements Callable<Integer> {
        @Override
        public Integer call() {
            try (var ctx = Contexts.tool()) {
                var result = ctx.getBean(LedgerVerifier.class).verify();
                return switch (result) {
                    case LedgerVerifier.Result.Intact ok -> {
                        System.out.println("ledger intact: " + ok.checked() + " events verified, "
                                + (ok.checkpoint() == null ? "no signed checkpoint yet"
                                : "the latest signed checkpoint (" + ok.checkpoint() + " events) matches"));
                        yield 0;
                    }
                    case LedgerVerifier.Result.Broken broken -> {
                        System.out.println("ledger BROKEN at event " + broken.id() + ": " + broken.reason()
                                + " (" + broken.checked() + " events verified before it)");
                        yield 1;
                    }
                };
            }
        }
    }

    @Command(name = "checkpoint", mixinStandardHelpOptions = true,
            description = "Sign the current head into storage now (e.g. before a backup); serving nodes do it by "
                    + "themselves every socialsync.ledger.checkpoint-interval and on shutdown.")
    static class Checkpoint implements Callable<Integer> {
        @Override
        public Integer call() {
            try (var ctx = Contexts.tool()) {
                var written = ctx.getBean(LedgerCheckpoints.class).write();
                System.out.println(written.map(c -> "checkpoint: " + c.events() + " events, " + c.heads().size()
                        + " chains")
                        .orElse("the ledger is empty: nothing to checkpoint"));
                return 0;
            } catch (LedgerCheckpoints.Refused | LedgerCheckpoints.Forged e) {
                System.out.println("ledger BROKEN: " + e.getMessage() + "; no checkpoint written");
                return 1;
            }
        }
    }
}
