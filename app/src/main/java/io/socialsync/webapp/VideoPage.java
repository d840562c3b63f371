package io.socialsync.webapp;

import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Clips;
import io.socialsync.library.Reanalysis;
import io.socialsync.library.Videos;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import java.util.Comparator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One video: the player of its source, the clip timeline over it, the clips ranked; analysing it again. */
@Controller
class VideoPage {
    private final Videos videos;
    private final Clips clips;
    private final Links links;
    private final Progress progress;
    private final Reanalysis reanalysis;

    VideoPage(Videos videos, Clips clips, Links links, Progress progress, Reanalysis reanalysis) {
        this.reanalysis = reanalysis;
        this.videos = videos;
        this.clips = clips;
        this.links = links;
        this.progress = progress;
    }

    @GetMapping("/app/videos/{id}")
    String video(Caller caller, @PathVariable long id, Model model) {
        var video = videos.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("video", id));
        long ms = video.durationMs() == null ? 0 : video.durationMs();
        var cards = clips.ofVideo(caller.workspaceId(), id).stream()
                .sorted(Comparator.comparingInt(c -> c.rank()))
                .map(c -> ClipCard.of(c, ms, links.file(c.thumbnailKey()),
                        progress.job(caller.workspaceId(), c.rescoreJobId()))).toList();
        var row = VideoRow.of(video, progress.analyses(caller.workspaceId()).get(id));
        model.addAttribute("video", row);
        model.addAttribute("source", links.file(video.storageKey()));
        model.addAttribute("clips", cards);
        model.addAttribute("rescoring", cards.stream().anyMatch(ClipCard::rescoring));
        model.addAttribute("seconds", ms / 1000.0);
        return "webapp/video";
    }

    /** Analyse again with other clip lengths and counts, as POST /videos/{id}/analyse; the page follows it. */
    @PostMapping("/app/videos/{id}/analyse")
    String analyse(Caller caller, @PathVariable long id,
                   @RequestParam(name = "min_length_s", required = false) Double minLength,
                   @RequestParam(name = "max_length_s", required = false) Double maxLength,
                   @RequestParam(name = "min_count", required = false) Integer minCount,
                   @RequestParam(name = "max_count", required = false) Integer maxCount) {
        caller.require(Role.EDITOR);
        reanalysis.request(caller.workspaceId(), id, new Reanalysis.Lengths(minLength, maxLength, minCount, maxCount),
                Actor.of(caller));
        return "redirect:/app/videos/" + id;
    }
}
