package io.socialsync.cli;

import io.socialsync.inventory.InventoryEditor;
import io.socialsync.jobs.JobQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Render the best clip of the oldest pending video (default platforms, random preset) and "
                + "mark it processed. Exit 3 when nothing is pending.")
public class EditCommand implements Callable<Integer> {
    @Mixin
    ApiKeyCommand.WorkspaceOption ws;
    @Option(names = "--all", description = "Keep going until no pending video is left.")
    boolean all;

    @Override
    public Integer call() {
        try (var ctx = Contexts.tool()) {
            long workspace = ws.id(ctx);
            var editor = ctx.getBean(InventoryEditor.class);
            var jobs = ctx.getBean(JobQueue.class);
            int processed = 0;
            int failed = 0;
            while (true) {
                var poller = Executors.newSingleThreadScheduledExecutor();
                try (var bar = new ProgressBar("rendering")) {
                    var outcome = editor.editNext(workspace, jobId -> poller.scheduleAtFixedRate(() ->
                            jobs.find(workspace, jobId).ifPresent(j -> bar.update(j.progressPercent() / 100.0,
                                    j.progressMessage())), 0, 500, TimeUnit.MILLISECONDS));
                    poller.shutdownNow();
                    switch (outcome) {
                        case InventoryEditor.Outcome.Processed p -> {
                            processed++;
                            System.out.println("processed video " + p.video().id() + " (clip " + p.clipId()
                                    + ", variants " + p.variantIds() + ")");
                        }
                        case InventoryEditor.Outcome.Failed f -> {
                            failed++;
                            System.out.println("failed video " + f.video().id() + ": " + f.reason());
                        }
                        case InventoryEditor.Outcome.NothingPending n -> {
                            if (n.stillAnalysing() > 0) {
                                System.err.println("socialsync: " + n.stillAnalysing()
                                        + " pending video(s) are still being analysed; run `socialsync serve` or `worker`");
                            } else if (processed + failed == 0) {
                                System.err.println("socialsync: no pending video in the inventory");
                            }
                            return processed + failed == 0 ? 3 : (failed > 0 ? 1 : 0);
                        }
                    }
                } finally {
                    poller.shutdownNow();
                }
                if (!all) {
                    return failed > 0 ? 1 : 0;
                }
            }
        }
    }
}
