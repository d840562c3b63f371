package io.socialsync.webapp;

import io.socialsync.domain.NotFound;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.library.ClipRescore;
import io.socialsync.library.Clips;
import io.socialsync.library.Variant;
import io.socialsync.library.VariantRequests;
import io.socialsync.library.Variants;
import io.socialsync.library.Videos;
import io.socialsync.media.render.PlatformFormat;
import io.socialsync.media.render.PlatformFormats;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One clip: choose platforms and a preset (a random one shows its seed), render, watch, preview, download. */
@Controller
class ClipPage {
    static final List<String> PRESETS = List.of("none", "random", "zoom", "mirror", "color", "speed");
    private static final SecureRandom SEEDS = new SecureRandom();
    private final Clips clips;
    private final Videos videos;
    private final Variants variants;
    private final VariantRequests requests;
    private final Workers workers;
    private final Links links;
    private final Progress progress;
    private final ClipRescore rescore;

    ClipPage(Clips clips, Videos videos, Variants variants, VariantRequests requests, Workers workers, Links links,
             Progress progress, ClipRescore rescore) {
        this.rescore = rescore;
        this.clips = clips;
        this.videos = videos;
        this.variants = variants;
        this.requests = requests;
        this.workers = workers;
        this.links = links;
        this.progress = progress;
    }

    @GetMapping("/app/clips/{id}")
    String clip(Caller caller, @PathVariable long id, Model model) {
        var clip = clips.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("clip", id));
        var video = videos.byId(caller.workspaceId(), clip.videoId())
                .orElseThrow(() -> new NotFound("video", clip.videoId()));
        long ms = video.durationMs() == null ? 0 : video.durationMs();
        model.addAttribute("clip", ClipCard.of(clip, ms, links.file(clip.thumbnailKey()),
                progress.job(caller.workspaceId(), clip.rescoreJobId())));
        model.addAttribute("seconds", ms / 1000.0);
        model.addAttribute("video", VideoRow.of(video, null));
        model.addAttribute("platforms", PlatformFormats.defaults().all().stream().map(PlatformFormat::name).toList());
        model.addAttribute("presets", PRESETS);
        model.addAttribute("seed", SEEDS.nextLong(1, 1_000_000_000L));
        return variants(caller, id, model);
    }

    /** The variants alone, for htmx's polling while a render runs. */
    @GetMapping("/app/clips/{id}/variants")
    String variants(Caller caller, @PathVariable long id, Model model) {
        clips.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("clip", id));
        var cards = variants.ofClip(caller.workspaceId(), id).stream()
                .map(v -> VariantCard.of(v, links.file(v.storageKey()), v.state() == Variant.State.PENDING
                        ? progress.job(caller.workspaceId(), v.jobId()) : null)) // a finished render's job is not shown
                .toList();
        model.addAttribute("clipId", id);
        model.addAttribute("variants", cards);
        model.addAttribute("rendering", cards.stream().anyMatch(VariantCard::pending));
        return model.containsAttribute("clip") ? "webapp/clip" : "webapp/clip :: variants";
    }

    /** The same request as POST /clips/{id}/variants: editors only, checked by the same service. */
    @PostMapping("/app/clips/{id}/variants")
    String render(Caller caller, @PathVariable long id, @RequestParam(required = false) List<String> platforms,
                  @RequestParam(defaultValue = "none") String preset, @RequestParam(required = false) Long seed) {
        caller.require(Role.EDITOR);
        requests.request(caller.workspaceId(), id, platforms, List.of(preset), seed, Actor.of(caller));
        workers.wakeUp();
        return "redirect:/app/clips/" + id;
    }

    /**
     * New bounds, scored again: the same request as PATCH /clips/{id}, checked by the same service. The video page's
     * timeline posts here too ({@code back=video}) and goes back there.
     */
    @PostMapping("/app/clips/{id}/rescore")
    String rescore(Caller caller, @PathVariable long id, @RequestParam(name = "start_s", required = false) Double start,
                   @RequestParam(name = "end_s", required = false) Double end,
                   @RequestParam(defaultValue = "clip") String back) {
        caller.require(Role.EDITOR);
        var clip = clips.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("clip", id));
        rescore.request(caller.workspaceId(), id, start, end, Actor.of(caller));
        return "video".equals(back) ? "redirect:/app/videos/" + clip.videoId() : "redirect:/app/clips/" + id;
    }
}
