package io.socialsync.library.web;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.NotFound;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.library.ClipRescore;
import io.socialsync.library.Clips;
import io.socialsync.library.Reanalysis;
import io.socialsync.library.VariantRequests;
import io.socialsync.library.Variants;
import io.socialsync.library.Videos;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.web.Answers;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.FieldLimits;
import io.socialsync.web.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Asking for work on the library (re-analysis, variants) and fetching its files. */
@RestController
public class MediaActionsController {
    private static final Duration LINK_TTL = Duration.ofHours(1);
    private final Videos videos;
    private final Clips clips;
    private final Variants variants;
    private final VariantRequests variantRequests;
    private final Workers workers;
    private final Storage storage;
    private final Reanalysis reanalysis;
    private final ClipRescore rescore;

    public MediaActionsController(Videos videos, Clips clips, Variants variants, VariantRequests variantRequests,
                                  Workers workers, Storage storage, Reanalysis reanalysis, ClipRescore rescore) {
        this.videos = videos;
        this.clips = clips;
        this.variants = variants;
        this.variantRequests = variantRequests;
        this.workers = workers;
        this.storage = storage;
        this.reanalysis = reanalysis;
        this.rescore = rescore;
    }

    public record AnalyseRequest(@DecimalMin("1") Double minLengthS, @DecimalMin("1") Double maxLengthS,
                                 @Min(1) @Max(20) Integer minCount, @Min(1) @Max(20) Integer maxCount) {
    }

    public record Accepted(long jobId) {
    }

    @PostMapping("/videos/{id}/analyse")
    @Answers(202)
    ResponseEntity<Accepted> analyse(Caller caller, @PathVariable long id,
                                     @Valid @RequestBody(required = false) AnalyseRequest body) {
        caller.require(Role.EDITOR);
        var lengths = body == null ? Reanalysis.Lengths.DEFAULT : new Reanalysis.Lengths(body.minLengthS(),
                body.maxLengthS(), body.minCount(), body.maxCount());
        long job = reanalysis.request(caller.workspaceId(), id, lengths, Actor.of(caller));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(job));
    }

    /** New bounds in seconds: inside the video, 1–180 s long. */
    public record RescoreRequest(@NotNull Double startS, @NotNull Double endS) {
    }

    /**
     * Moves a clip's start and end and scores it again (RESCORE_CLIP); the clip shows {@code rescore_job_id} until
     * it is done. A clip with variants is refused (409): they were cut from its current bounds.
     */
    @PatchMapping("/clips/{id}")
    @Answers(202)
    ResponseEntity<Accepted> rescore(Caller caller, @PathVariable long id, @Valid @RequestBody RescoreRequest body) {
        caller.require(Role.EDITOR);
        long job = rescore.request(caller.workspaceId(), id, body.startS(), body.endS(), Actor.of(caller));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(job));
    }

    public record VariantsRequest(@NotEmpty List<String> platforms, List<String> presets, Long seed) {
    }

    public record VariantsAccepted(long jobId, List<VariantView> variants) {
    }

    /** An Idempotency-Key makes a repeated request answer the first one's job and variants, rendering nothing. */
    @PostMapping("/clips/{id}/variants")
    @Answers(202)
    ResponseEntity<VariantsAccepted> variants(Caller caller, @PathVariable long id,
                                              @Valid @RequestBody VariantsRequest body,
                                              @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        caller.require(Role.EDITOR);
        FieldLimits.bounded("Idempotency-Key", key,
                FieldLimits.IDEMPOTENCY_KEY - VariantRequests.KEY_PREFIX.length());
        var requested = variantRequests.request(caller.workspaceId(), id, body.platforms(), body.presets(),
                body.seed(), key, Actor.of(caller));
        workers.wakeUp();
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new VariantsAccepted(requested.jobId(),
                requested.variants().stream().map(VariantView::of).toList()));
    }

    /** Files are served by /files with a signed, expiring link (Range supported there). */
    @GetMapping("/variants/{id}/file")
    @Answers(302)
    ResponseEntity<Void> variantFile(Caller caller, @PathVariable long id) {
        var variant = variants.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("variant", id));
        if (variant.storageKey() == null) {
            throw new Conflict("variant " + id + " is " + variant.state() + ", not rendered yet");
        }
        return redirect(variant.storageKey());
    }

    @GetMapping("/clips/{id}/thumbnail")
    @Answers(302)
    ResponseEntity<Void> thumbnail(Caller caller, @PathVariable long id) {
        var clip = clips.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("clip", id));
        if (clip.thumbnailKey() == null) {
            throw new NotFound("thumbnail of clip", id);
        }
        return redirect(clip.thumbnailKey());
    }

    @GetMapping("/videos/{id}/contact-sheet")
    @Answers(302)
    ResponseEntity<Void> contactSheet(Caller caller, @PathVariable long id) {
        videos.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("video", id));
        return redirect(videos.contactSheetKey(caller.workspaceId(), id)
                .orElseThrow(() -> new NotFound("contact sheet of video", id)));
    }

    @GetMapping("/videos/{id}/file")
    @Answers(302)
    ResponseEntity<Void> videoFile(Caller caller, @PathVariable long id) {
        return redirect(videos.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("video", id))
                .storageKey());
    }

    private ResponseEntity<Void> redirect(String key) {
        URI url = storage.signedUrl(StorageKey.of(key), LINK_TTL);
        return ResponseEntity.status(HttpStatus.FOUND).location(url).build();
    }
}
