package io.socialsync.library;

import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.media.render.PlatformFormats;
import io.socialsync.media.render.Preset;
import io.socialsync.media.render.Presets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns "these platforms × these presets for this clip" into PENDING Variant rows and one RENDER_VARIANTS job.
 * A preset's seed is drawn here (or given) and stored, so every variant can be rendered again exactly.
 */
@Service
public class VariantRequests {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom SEEDS = new SecureRandom();
    private final Clips clips;
    private final Variants variants;
    private final JobQueue jobs;
    private final Ledger ledger;
    private final Clock clock;

    public VariantRequests(Clips clips, Variants variants, JobQueue jobs, Ledger ledger, Clock clock) {
        this.clips = clips;
        this.variants = variants;
        this.jobs = jobs;
        this.ledger = ledger;
        this.clock = clock;
    }

    public record Requested(long jobId, List<Variant> variants) {
    }

    @Transactional
    public Requested request(long workspaceId, long clipId, List<String> platforms, List<String> presetNames,
                             Long seed, Actor actor) {
        clips.byId(workspaceId, clipId).orElseThrow(() -> new NotFound("clip", clipId));
        if (platforms == null || platforms.isEmpty()) {
            throw new Invalid("platforms must name at least one format, e.g. [\"instagram_reel\"]");
        }
        try {
            PlatformFormats.defaults().get(platforms);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
        List<Preset> presets = resolve(presetNames == null || presetNames.isEmpty() ? List.of("none") : presetNames,
                seed);
        var ids = new ArrayList<Long>();
        for (Preset preset : presets) {
            for (String format : platforms.stream().distinct().toList()) {
                ids.add(variants.insertPending(workspaceId, clipId, format, preset.name(),
                        JSON.writeValueAsString(preset), preset.seed(), clock.instant()));
            }
        }
        long jobId = jobs.enqueue(RenderVariantsHandler.JOB.request(workspaceId,
                new RenderVariantsHandler.Payload(clipId, ids)), actor).job().id();
        variants.attachJob(workspaceId, ids, jobId);
        ledger.append(new LedgerEvent.New(workspaceId, actor, EventType.VARIANTS_REQUESTED, "clip",
                Long.toString(clipId), jobId, Map.of("variant_ids", ids, "platforms", platforms, "presets",
                        presets.stream().map(Preset::describe).toList())));
        return new Requested(jobId, variants.byIds(workspaceId, ids));
    }

    private static List<Preset> resolve(List<String> names, Long seed) {
        var presets = new ArrayList<Preset>();
        for (String name : names) {
            try {
                presets.add(Presets.resolve(name, seed != null ? seed : SEEDS.nextLong() & Long.MAX_VALUE));
            } catch (IllegalArgumentException e) {
                throw new Invalid("preset '" + name + "': " + e.getMessage());
            }
        }
        return presets;
    }
}
