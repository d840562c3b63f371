package io.socialsync.cli;

import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublishRuns;
import io.socialsync.publish.orchestrator.Orchestrator;
import io.socialsync.publish.web.ClaimView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's publicador for orchestrators that run commands rather than HTTP: one JSON object on stdout, and an
 * exit code to branch on: 0 done, 3 nothing due (--get-next), 1 error, 2 bad arguments. Same service as the API.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, description = "Claim the next external post, or report "
        + "one posted or failed (for n8n and scripts).")
public class PublishCommand implements Callable<Integer> {
    public static final int NOTHING_DUE = 3;

    @Mixin
    ApiKeyCommand.WorkspaceOption ws;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static class Action {
        @Option(names = "--get-next", description = "Claim the next due external publication (exit 3: none).")
        boolean getNext;
        @Option(names = "--mark-posted", paramLabel = "ID", description = "Report publication ID posted.")
        Long posted;
        @Option(names = "--mark-failed", paramLabel = "ID", description = "Report publication ID failed.")
        Long failed;
    }

    @Option(names = "--platform", description = "With --get-next: only this platform.")
    String platform;
    @Option(names = "--lease", defaultValue = "900", description = "With --get-next: lease seconds (default ${DEFAULT-VALUE}).")
    long leaseSeconds;
    @Option(names = "--external-id", description = "With --mark-posted: the platform's post id.")
    String externalId;
    @Option(names = "--url", description = "With --mark-posted: the post's URL.")
    String url;
    @Option(names = "--lease-token", description = "The lease token from --get-next (checked when given).")
    String leaseToken;
    @Option(names = "--reason", description = "With --mark-failed: what went wrong.")
    String reason;
    @Option(names = "--retry", description = "With --mark-failed: hand it back to the queue instead of failing it.")
    boolean retry;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // a bad value is a bad argument (exit 2), caught before the database is even opened
        Platform only = platform == null ? null : Platform.parse(platform).orElseThrow(() ->
                new ParameterException(spec.commandLine(), "--platform must be one of " + Platform.choices()));
        if (leaseSeconds < 30 || leaseSeconds > 24 * 3600) {
            throw new ParameterException(spec.commandLine(), "--lease must be 30 to 86400 seconds");
        }
        try (var ctx = Contexts.tool()) {
            var orchestrator = ctx.getBean(Orchestrator.class);
            long workspace = ws.id(ctx);
            if (action.getNext) {
                var claim = orchestrator.next(workspace, only, Duration.ofSeconds(leaseSeconds), Actor.CLI);
                if (claim.isEmpty()) {
                    print(ctx, java.util.Map.of("status", "nothing_due"));
                    return NOTHING_DUE;
                }
                print(ctx, ClaimView.of(claim.get()));
                return 0;
            }
            var p = action.posted != null
                    ? orchestrator.posted(workspace, action.posted, externalId, url, leaseToken, Actor.CLI)
                    : orchestrator.failed(workspace, action.failed, reason, retry, leaseToken, Actor.CLI);
            print(ctx, report(ctx, workspace, p));
            return 0;
        }
    }

    private static Object report(ConfigurableApplicationContext ctx, long workspace, Publication p) {
        var r = ctx.getBean(PublishRuns.class).resultOf(workspace, p.id()).orElseThrow();
        var map = new LinkedHashMap<String, Object>();
        map.put("publication_id", String.valueOf(p.id()));
        map.put("status", p.state().wire());
        map.put("external_id", r.externalId());
        map.put("url", r.url());
        map.put("last_error", p.lastError());
        return map;
    }

    /** The context's mapper: snake_case and ISO instants, exactly as the API writes them. */
    private static void print(ConfigurableApplicationContext ctx, Object value) {
        System.out.println(ctx.getBean(JsonMapper.class).writeValueAsString(value));
    }
}
