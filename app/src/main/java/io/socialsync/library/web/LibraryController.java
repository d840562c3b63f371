package io.socialsync.library.web;

import io.socialsync.domain.NotFound;
import io.socialsync.library.Clips;
import io.socialsync.library.Variants;
import io.socialsync.library.VideoQuery;
import io.socialsync.library.VideoState;
import io.socialsync.library.Videos;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.Page;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reading the library: videos (the inventory), their clips and variants. */
@RestController
public class LibraryController {
    private final Videos videos;
    private final Clips clips;
    private final Variants variants;

    public LibraryController(Videos videos, Clips clips, Variants variants) {
        this.videos = videos;
        this.clips = clips;
        this.variants = variants;
    }

    @GetMapping("/videos")
    Page<VideoView> videos(Caller caller, @RequestParam(required = false) VideoState state,
                           @RequestParam(required = false) String source,
                           @RequestParam(name = "status_fb", required = false) String statusFb,
                           @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                           @RequestParam(name = "q", required = false) String text,
                           @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit, 50, 500);
        var items = videos.page(new VideoQuery(caller.workspaceId(), state, source, statusFb, from, to, text, before,
                size)).stream().map(VideoView::of).toList();
        return Page.of(items, size, VideoView::id);
    }

    @GetMapping("/videos/{id}")
    VideoView video(Caller caller, @PathVariable long id) {
        return VideoView.of(videos.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("video", id)));
    }

    @GetMapping("/videos/{id}/clips")
    List<ClipView> clipsOfVideo(Caller caller, @PathVariable long id) {
        videos.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("video", id));
        return clips.ofVideo(caller.workspaceId(), id).stream().map(ClipView::of).toList();
    }

    @GetMapping("/clips")
    Page<ClipView> clips(Caller caller, @RequestParam(name = "video_id", required = false) Long videoId,
                         @RequestParam(name = "min_score", required = false) Integer minScore,
                         @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit, 50, 500);
        var items = clips.page(caller.workspaceId(), videoId, minScore, before, size).stream().map(ClipView::of).toList();
        return Page.of(items, size, ClipView::id);
    }

    public record ClipDetail(ClipView clip, List<VariantView> variants) {
    }

    @GetMapping("/clips/{id}")
    ClipDetail clip(Caller caller, @PathVariable long id) {
        var clip = clips.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("clip", id));
        return new ClipDetail(ClipView.of(clip),
                variants.ofClip(caller.workspaceId(), id).stream().map(VariantView::of).toList());
    }

    @GetMapping("/variants/{id}")
    VariantView variant(Caller caller, @PathVariable long id) {
        return VariantView.of(variants.byId(caller.workspaceId(), id)
                .orElseThrow(() -> new NotFound("variant", id)));
    }
}
