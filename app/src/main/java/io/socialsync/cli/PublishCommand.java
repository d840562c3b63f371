package io.socialsync.cli;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.NotFound;
import io.socialsync.inventory.InventoryPublisher;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Clips;
import io.socialsync.library.Videos;
import io.socialsync.platforms.Platform;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublishRuns;
import io.socialsync.publish.Publications;
import io.socialsync.publish.orchestrator.Orchestrator;
import io.socialsync.publish.web.ClaimView;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed's publicador for orchestrators that run commands rather than HTTP: one JSON object on stdout, and an
 * exit code to branch on: 0 done, 3 nothing due (--get-next), 1 error, 2 bad arguments. Same services as the API.
 * {@code --get-next} hands out a due external publication if there is one, else the next processed video of the
 * inventory with its variants (the seed's flow: ingest, edit, publish); reports name the VIDEO, as the seed's
 * callers do, and {@code --publication} names a publication from a claim.
 */
@Command(name = "publish", mixinStandardHelpOptions = true, description = "Claim the next external post or processed "
        + "video, or report a video posted or failed (for n8n and scripts).")
public class PublishCommand implements Callable<Integer> {
    public static final int NOTHING_DUE = 3;

    @Mixin
    ApiKeyCommand.WorkspaceOption ws;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static class Action {
        @Option(names = "--get-next", description = "Claim the next due external publication, else the next "
                + "processed video with its variants (exit 3: none).")
        boolean getNext;
        @Option(names = "--mark-posted", paramLabel = "VIDEO_ID", description = "Report video VIDEO_ID posted "
                + "(status_fb posted).")
        Long posted;
        @Option(names = "--mark-failed", paramLabel = "VIDEO_ID", description = "Report video VIDEO_ID failed "
                + "(status_fb failed).")
        Long failed;
    }

    @Option(names = "--publication", paramLabel = "ID", description = "With --mark-posted/--mark-failed: report "
            + "publication ID of that video (a claim with a publication_id).")
    Long publication;
    @Option(names = "--platform", description = "With --get-next: only publications for this platform.")
    String platform;
    @Option(names = "--lease", defaultValue = "900", description = "With --get-next: lease seconds (default ${DEFAULT-VALUE}).")
    long leaseSeconds;
    @Option(names = "--external-id", description = "With --mark-posted: the platform's post id.")
    String externalId;
    @Option(names = "--url", description = "With --mark-posted: the post's URL.")
    String url;
    @Option(names = "--lease-token", description = "With --publication: the lease token from --get-next (checked when given).")
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
        if (action.getNext && publication != null) {
            throw new ParameterException(spec.commandLine(), "--publication goes with --mark-posted or --mark-failed");
        }
        try (var ctx = Contexts.tool()) {
            long workspace = ws.id(ctx);
            if (action.getNext) {
                return next(ctx, workspace, only);
            }
            long video = action.posted != null ? action.posted : action.failed;
            if (publication != null) {
                return reportPublication(ctx, workspace, video);
            }
            var inventory = ctx.getBean(InventoryPublisher.class);
            var v = action.posted != null ? inventory.posted(workspace, video, externalId, url, Actor.CLI)
                    : inventory.failed(workspace, video, reason, retry, Actor.CLI);
            var map = new LinkedHashMap<String, Object>();
            map.put("video_id", String.valueOf(v.id()));
            map.put("status_fb", v.statusFb());
            print(ctx, map);
            return 0;
        }
    }

    private int next(ConfigurableApplicationContext ctx, long workspace, Platform only) {
        var lease = Duration.ofSeconds(leaseSeconds);
        var claim = ctx.getBean(Orchestrator.class).next(workspace, only, lease, Actor.CLI);
        if (claim.isPresent()) {
            var json = ctx.getBean(JsonMapper.class);
            var node = (ObjectNode) json.valueToTree(ClaimView.of(claim.get()));
            videoOf(ctx, workspace, claim.get().publication().clipId())
                    .ifPresent(id -> node.put("video_id", String.valueOf(id)));
            System.out.println(json.writeValueAsString(node));
            return 0;
        }
        var handout = only == null ? ctx.getBean(InventoryPublisher.class).next(workspace, lease, Actor.CLI)
                : Optional.<InventoryPublisher.Handout>empty();
        if (handout.isEmpty()) {
            print(ctx, Map.of("status", "nothing_due"));
            return NOTHING_DUE;
        }
        print(ctx, HandoutView.of(handout.get()));
        return 0;
    }

    private int reportPublication(ConfigurableApplicationContext ctx, long workspace, long video) {
        var orchestrator = ctx.getBean(Orchestrator.class);
        var before = ctx.getBean(Publications.class).byId(workspace, publication)
                .orElseThrow(() -> new NotFound("publication", publication));
        if (videoOf(ctx, workspace, before.clipId()).orElse(-1L) != video) {
            throw new Conflict("publication " + publication + " is not a post of video " + video);
        }
        var p = action.posted != null
                ? orchestrator.posted(workspace, publication, externalId, url, leaseToken, Actor.CLI)
                : orchestrator.failed(workspace, publication, reason, retry, leaseToken, Actor.CLI);
        var map = report(ctx, workspace, p);
        map.put("video_id", String.valueOf(video));
        map.put("status_fb", ctx.getBean(Videos.class).byId(workspace, video).map(v -> v.statusFb()).orElse(null));
        print(ctx, map);
        return 0;
    }

    private static Optional<Long> videoOf(ConfigurableApplicationContext ctx, long workspace, long clipId) {
        return ctx.getBean(Clips.class).byId(workspace, clipId).map(c -> c.videoId());
    }

    private static LinkedHashMap<String, Object> report(ConfigurableApplicationContext ctx, long workspace,
                                                        Publication p) {
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
