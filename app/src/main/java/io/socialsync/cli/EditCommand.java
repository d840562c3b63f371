package io.socialsync.cli;

import io.socialsync.inventory.InventoryEditor;
import io.socialsync.jobs.JobQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Claim the oldest pending video, render its best clips (default platforms, random preset) "
                + "and mark it processed. Concurrent runs never take the same video. Exit 3 when nothing is pending.")
public class EditCommand implements Callable<Integer> {
    static final int MAX_CLIPS = 20;
    @Mixin
    ApiKeyCommand.WorkspaceOption ws;
    @Option(names = "--all", description = "Keep going until no pending video is left.")
    boolean all;
    @Option(names = "--clips", paramLabel = "N", defaultValue = "1",
            description = "Render the video's N best clips (1 to " + MAX_CLIPS + ", default ${DEFAULT-VALUE}).")
    int clips;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (clips < 1 || clips > MAX_CLIPS) {
            throw new ParameterException(spec.commandLine(), "--clips must be 1 to " + MAX_CLIPS);
        }
        try (var ctx = Contexts.tool()) {
            long workspace = ws.id(ctx);
            var editor = ctx.getBean(InventoryEditor.class);
            var jobs = ctx.getBean(JobQueue.class);
            int processed = 0;
            int failed = 0;
            while (true) {
                var poller = Executors.newSingleThreadScheduledExecutor();
                try (var bar = new ProgressBar("rendering")) {
                    var watching = new ScheduledFuture<?>[1];
                    var outcome = editor.editNext(workspace, clips, (clip, of, jobId) -> {
                        if (watching[0] != null) watching[0].cancel(false);
                        String label = of > 1 ? "clip " + clip + "/" + of + ": " : "";
                        // the whole bar covers every clip: clip k of n fills its own n-th of it
                        watching[0] = poller.scheduleAtFixedRate(() -> jobs.find(workspace, jobId).ifPresent(j ->
                                bar.update((clip - 1 + j.progressPercent() / 100.0) / of,
                                        label + (j.progressMessage() == null ? "" : j.progressMessage()))),
                                0, 500, TimeUnit.MILLISECONDS);
                    });
                    poller.shutdownNow();
                    switch (outcome) {
                        case InventoryEditor.Outcome.Processed p -> {
                            processed++;
                            System.out.println("processed video " + p.video().id() + " (clips " + p.clipIds()
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
