package io.socialsync.cli;

import io.socialsync.ledger.LedgerVerifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "ledger", mixinStandardHelpOptions = true, description = "Inspect the append-only ledger.",
        subcommands = LedgerCommand.Verify.class)
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
                                : "the latest signed checkpoint (event " + ok.checkpoint() + ") matches"));
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
}
