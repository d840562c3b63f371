package io.socialsync.library;

import io.socialsync.domain.IdempotencyKeys;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.Job;
import io.socialsync.jobs.JobQueue;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.media.render.PlatformFormat;
import io.socialsync.media.render.PlatformFormats;
import io.socialsync.media.render.PlatformLimits;
import io.socialsync.media.render.Preset;
import io.socialsync.media.render.Presets;
import io.socialsync.media.render.RenderException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns "these platforms × these presets for this clip" into PENDING Variant rows and one RENDER_VARIANTS job.
 * A preset's seed is drawn here (or given) and stored, so every variant can be rendered again exactly.
 */
@Service
public class VariantRequests {
    /** Prepended to a request's Idempotency-Key for its job's key, apart from the keys of POST /jobs. */
    public static final String KEY_PREFIX = "variants-";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom SEEDS = new SecureRandom();
    private final Clips clips;
    private final Variants variants;
    private final JobQueue jobs;
    private final Ledger ledger;
    private final Clock clock;
    private final ObjectProvider<PresetAdvisor> advisor;

    public VariantRequests(Clips clips, Variants variants, JobQueue jobs, Ledger ledger, Clock clock,
                           ObjectProvider<PresetAdvisor> advisor) {
        this.clips = clips;
        this.variants = variants;
        this.jobs = jobs;
        this.ledger = ledger;
        this.clock = clock;
        this.advisor = advisor;
    }

    public record Requested(long jobId, List<Variant> variants) {
    }

    @Transactional // a call through this overload reaches the other one on this, past the proxy
    public Requested request(long workspaceId, long clipId, List<String> platforms, List<String> presetNames,
                             Long seed, Actor actor) {
        return request(workspaceId, clipId, platforms, presetNames, seed, null, actor);
    }

    /**
     * With an idempotency key (POST /clips/{id}/variants' header), a repeated request answers the first one's job
     * and variants and renders nothing more; the same key for another clip, platforms, presets or seed is a 422.
     */
    @Transactional
    public Requested request(long workspaceId, long clipId, List<String> platforms, List<String> presetNames,
                             Long seed, String idempotencyKey, Actor actor) {
        Clip clip = clips.byId(workspaceId, clipId).orElseThrow(() -> new NotFound("clip", clipId));
        String jobKey = idempotencyKey == null ? null : KEY_PREFIX + idempotencyKey;
        String fingerprint = jobKey == null ? null : fingerprint(clipId, platforms, presetNames, seed);
        if (jobKey != null) {
            var earlier = jobs.findByIdempotencyKey(workspaceId, jobKey);
            if (earlier.isPresent()) {
                return replay(workspaceId, earlier.get(), fingerprint);
            }
        }
        if (platforms == null || platforms.isEmpty()) {
            throw new Invalid("platforms must name at least one format, e.g. [\"instagram_reel\"]");
        }
        List<PlatformFormat> formats;
        try {
            formats = PlatformFormats.defaults().get(platforms);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
        var learned = new ArrayList<String>();
        List<Preset> presets = resolve(learnedRandom(workspaceId, presetNames == null || presetNames.isEmpty()
                ? List.of("none") : presetNames, platforms, learned), seed);
        checkLengths(clip, formats, presets);
        var ids = new ArrayList<Long>();
        for (Preset preset : presets) {
            for (String format : platforms.stream().distinct().toList()) {
                ids.add(variants.insertPending(workspaceId, clipId, format, preset.name(),
                        JSON.writeValueAsString(preset), preset.seed(), clock.instant()));
            }
        }
        var enqueued = jobs.enqueue(RenderVariantsHandler.JOB.request(workspaceId,
                new RenderVariantsHandler.Payload(clipId, ids, fingerprint)).withIdempotencyKey(jobKey), actor);
        if (!enqueued.created()) { // a concurrent twin committed first: undo these variants
            throw IdempotencyKeys.inFlight(idempotencyKey);
        }
        long jobId = enqueued.job().id();
        variants.attachJob(workspaceId, ids, jobId);
        var payload = new java.util.LinkedHashMap<String, Object>(Map.of("variant_ids", ids, "platforms", platforms,
                "presets", presets.stream().map(Preset::describe).toList()));
        if (!learned.isEmpty()) {
            payload.put("learned", learned);
        }
        ledger.append(new LedgerEvent.New(workspaceId, actor, EventType.VARIANTS_REQUESTED, "clip",
                Long.toString(clipId), jobId, payload));
        return new Requested(jobId, variants.byIds(workspaceId, ids));
    }

    private Requested replay(long workspaceId, Job earlier, String fingerprint) {
        var payload = RenderVariantsHandler.JOB.payload(earlier);
        if (!fingerprint.equals(payload.request())) {
            throw IdempotencyKeys.reused("job " + earlier.id() + "; the same clip, platforms, presets and seed");
        }
        return new Requested(earlier.id(), variants.byIds(workspaceId, payload.variantIds()));
    }

    /** What a replay must repeat: the path's clip and the body, as given (not as "random" or a drawn seed resolve). */
    private static String fingerprint(long clipId, List<String> platforms, List<String> presets, Long seed) {
        String canonical = JSON.writeValueAsString(java.util.Arrays.asList(clipId, platforms, presets, seed));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkLengths(Clip clip, List<PlatformFormat> formats, List<Preset> presets) {
        for (Preset preset : presets) {
            for (PlatformFormat format : formats) {
                try {
                    PlatformLimits.checkClip(format, Duration.ofMillis(clip.durationMs()), preset);
                } catch (RenderException.LimitExceeded e) {
                    throw new Invalid("clip " + clip.id() + ": " + e.getMessage());
                }
            }
        }
    }

    /** Each {@code random} the advisor has learned something for becomes its draw; the reasons go to the ledger. */
    private List<String> learnedRandom(long ws, List<String> names, List<String> formats, List<String> reasons) {
        var source = advisor.getIfAvailable();
        if (source == null) {
            return names;
        }
        var out = new ArrayList<String>(names.size());
        for (String name : names) {
            var advice = "random".equalsIgnoreCase(name.strip()) ? source.random(ws, formats)
                    : java.util.Optional.<PresetAdvisor.Advice>empty();
            advice.ifPresent(a -> reasons.add(a.reason()));
            out.add(advice.map(PresetAdvisor.Advice::preset).orElse(name));
        }
        return out;
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
