package io.socialsync.webapp;

import io.socialsync.domain.NotFound;
import io.socialsync.library.Clips;
import io.socialsync.library.Videos;
import io.socialsync.web.Caller;
import java.util.Comparator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One video: the player of its source, the clip timeline over it, the clips ranked. */
@Controller
class VideoPage {
    private final Videos videos;
    private final Clips clips;
    private final Links links;
    private final Progress progress;

    VideoPage(Videos videos, Clips clips, Links links, Progress progress) {
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
                .map(c -> ClipCard.of(c, ms, links.file(c.thumbnailKey()))).toList();
        var row = VideoRow.of(video, progress.analyses(caller.workspaceId()).get(id));
        model.addAttribute("video", row);
        model.addAttribute("source", links.file(video.storageKey()));
        model.addAttribute("clips", cards);
        return "webapp/video";
    }
}
