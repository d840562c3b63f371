package io.socialsync.webapp;

import io.socialsync.ingest.UrlIngestJob;
import io.socialsync.ingest.url.UrlIngestChecks;
import io.socialsync.jobs.JobQueue;
import io.socialsync.jobs.Workers;
import io.socialsync.ledger.Actor;
import io.socialsync.library.VideoQuery;
import io.socialsync.library.VideoState;
import io.socialsync.library.Videos;
import io.socialsync.web.Caller;
import io.socialsync.web.FieldLimits;
import io.socialsync.web.Role;
import java.util.Arrays;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The library: videos with their state and live progress, filtered by state, searched by title; uploads. */
@Controller
class LibraryPage {
    private static final int PAGE = 100;
    private final Videos videos;
    private final Progress progress;
    private final UrlIngestChecks urlChecks;
    private final JobQueue jobs;
    private final Workers workers;

    LibraryPage(Videos videos, Progress progress, UrlIngestChecks urlChecks, JobQueue jobs, Workers workers) {
        this.videos = videos;
        this.progress = progress;
        this.urlChecks = urlChecks;
        this.jobs = jobs;
        this.workers = workers;
    }

    @GetMapping("/app/library")
    String library(Caller caller, @RequestParam(required = false) VideoState state,
                   @RequestParam(name = "q", required = false) String text, Model model) {
        rows(caller, state, text, model);
        model.addAttribute("states", Arrays.asList(VideoState.values()));
        model.addAttribute("nav", "library");
        return "webapp/library";
    }

    /** The list alone, for htmx: the filters' changes and the polling while something is under way. */
    @GetMapping("/app/library/rows")
    String rows(Caller caller, @RequestParam(required = false) VideoState state,
                @RequestParam(name = "q", required = false) String text, Model model) {
        String q = text == null || text.isBlank() ? null : text.strip();
        var analyses = progress.analyses(caller.workspaceId());
        var rows = videos.page(new VideoQuery(caller.workspaceId(), state, null, null, null, null, q, null, PAGE))
                .stream().map(v -> VideoRow.of(v, analyses.get(v.id()))).toList();
        var downloads = progress.downloads(caller.workspaceId());
        model.addAttribute("rows", rows);
        model.addAttribute("downloads", downloads);
        model.addAttribute("state", state);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("working", !downloads.isEmpty() || rows.stream().anyMatch(VideoRow::working));
        return "webapp/library :: rows";
    }

    /** The same checks and job as POST /ingest: a refused URL is a 400 with the reason, nothing queued. */
    @PostMapping("/app/library/url")
    String addByUrl(Caller caller, @RequestParam String url, @RequestParam(required = false) String title,
                    RedirectAttributes flash) {
        caller.require(Role.EDITOR);
        String source = FieldLimits.bounded("url", url, 2000).strip();
        String named = FieldLimits.bounded("title", title == null || title.isBlank() ? null : title.strip(), 500);
        urlChecks.check(source);
        jobs.enqueue(UrlIngestJob.request(caller.workspaceId(), source, named), Actor.of(caller));
        workers.wakeUp();
        flash.addFlashAttribute("notice", "Downloading " + source);
        return "redirect:/app/library";
    }
}
