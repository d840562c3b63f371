package io.socialsync.webapp;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.accounts.SocialAccounts;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.DomainException;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.library.Clips;
import io.socialsync.library.Variant;
import io.socialsync.library.Variants;
import io.socialsync.publish.scheduling.PublicationLifecycle;
import io.socialsync.publish.scheduling.ScheduleOutcome;
import io.socialsync.publish.scheduling.SchedulePreview;
import io.socialsync.publish.scheduling.SchedulingService;
import io.socialsync.web.Caller;
import io.socialsync.web.Problems;
import io.socialsync.web.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Scheduling a clip (or one of its variants) on an account: "next free slot" or a time typed in the account's zone;
 * "Check" shows what {@link SchedulingService#preview} plans (the slot, why it moved, near-post and same-clip
 * warnings) and "Schedule" makes the same call POST /publishing/schedule makes. Caption limits are the service's
 * ({@code CaptionLimit}); the page's script only shows them early.
 */
@Controller
class SchedulePage {
    private static final int MAX_ACCOUNTS = 500;
    private final Clips clips;
    private final Variants variants;
    private final SocialAccountService accounts;
    private final SocialAccounts accountRows;
    private final SchedulingService scheduling;
    private final PublicationLifecycle publications;
    private final Problems problems;

    SchedulePage(Clips clips, Variants variants, SocialAccountService accounts, SocialAccounts accountRows,
                 SchedulingService scheduling, PublicationLifecycle publications, Problems problems) {
        this.clips = clips;
        this.variants = variants;
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.scheduling = scheduling;
        this.publications = publications;
        this.problems = problems;
    }

    @GetMapping("/app/clips/{id}/schedule")
    String form(Caller caller, @PathVariable long id, @RequestParam(required = false) Long variant, Model model) {
        return page(caller, id, new ScheduleForm(null, variant, "next", null, null, UUID.randomUUID().toString()),
                model);
    }

    /** htmx: the plan the service would make now, or its refusal as problem+json (the page shows its detail). */
    @PostMapping("/app/clips/{id}/schedule/preview")
    String preview(Caller caller, @PathVariable long id, ScheduleForm form, Model model) {
        caller.require(Role.EDITOR);
        var account = account(caller, form);
        return switch (scheduling.preview(caller.workspaceId(), form.request(id, account.platform()))) {
            case ScheduleOutcome.Rejected no -> throw new Conflict(no.reason());
            case SchedulePreview.Planned plan -> {
                model.addAttribute("plan", PlanView.of(plan, account));
                yield "webapp/schedule :: preview";
            }
        };
    }

    @PostMapping("/app/clips/{id}/schedule")
    String schedule(Caller caller, @PathVariable long id, ScheduleForm form, Model model,
                    RedirectAttributes flash, HttpServletRequest request, HttpServletResponse response) {
        caller.require(Role.EDITOR);
        try {
            var account = account(caller, form);
            var outcome = scheduling.schedule(caller.workspaceId(), form.request(id, account.platform()),
                    Actor.of(caller));
            if (outcome instanceof ScheduleOutcome.Rejected no) {
                throw new Conflict(no.reason());
            }
            var done = (ScheduleOutcome.Scheduled) outcome;
            flash.addFlashAttribute("plan", PlanView.of(done, account));
            return "redirect:/app/clips/" + id + "/scheduled/" + done.publication().id();
        } catch (DuplicateKeyException raced) {
            return refused(caller, id, form, model, request, response, new Conflict("this form was sent twice at "
                    + "once; reload the page to see the publication it made"));
        } catch (DomainException e) {
            return refused(caller, id, form, model, request, response, e);
        }
    }

    /** The publication just made, at its time in the account's zone, with what the service said about it. */
    @GetMapping("/app/clips/{id}/scheduled/{publication}")
    String scheduled(Caller caller, @PathVariable long id, @PathVariable long publication, Model model) {
        var p = publications.get(caller.workspaceId(), publication);
        if (p.clipId() != id) {
            throw new NotFound("publication", publication);
        }
        var account = accountRows.labels(caller.workspaceId(), List.of(p.socialAccountId())).get(p.socialAccountId());
        model.addAttribute("publication", p);
        model.addAttribute("handle", account == null ? "account " + p.socialAccountId() : "@" + account.handle());
        model.addAttribute("when", ZonedTime.of(p.scheduledFor(), account == null ? java.time.ZoneOffset.UTC
                : account.zone()));
        model.addAttribute("clipId", id);
        return "webapp/scheduled";
    }

    /** A full page load gets the form back with the reason; htmx and scripts get the problem. */
    private String refused(Caller caller, long id, ScheduleForm form, Model model, HttpServletRequest request,
                           HttpServletResponse response, DomainException e) {
        if (WebShell.wantsJson(request)) {
            throw e;
        }
        var problem = problems.domain(e);
        response.setStatus(problem.getStatusCode().value());
        model.addAttribute("refusal", e instanceof Invalid invalid && !invalid.errors().isEmpty()
                ? invalid.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "))
                : problem.getBody().getDetail());
        return page(caller, id, form, model);
    }

    private String page(Caller caller, long id, ScheduleForm form, Model model) {
        var clip = clips.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("clip", id));
        var ready = variants.ofClip(caller.workspaceId(), id).stream()
                .filter(v -> v.state() == Variant.State.READY).toList();
        if (form.variant() != null && ready.stream().noneMatch(v -> v.id() == form.variant())) {
            throw new NotFound("variant", form.variant());
        }
        var choices = accounts.page(caller.workspaceId(), null, null, MAX_ACCOUNTS).stream()
                .map(AccountChoice::of).toList();
        Long picked = form.account();
        if (picked == null && form.variant() != null) {
            String format = ready.stream().filter(v -> v.id() == form.variant()).findFirst().orElseThrow().format();
            picked = choices.stream().filter(c -> c.fits(format)).map(AccountChoice::id).findFirst().orElse(null);
        }
        model.addAttribute("nav", "library");
        model.addAttribute("clip", clip);
        model.addAttribute("variants", ready);
        model.addAttribute("accounts", choices);
        model.addAttribute("picked", picked);
        model.addAttribute("form", form);
        return "webapp/schedule";
    }

    private SocialAccount account(Caller caller, ScheduleForm form) {
        if (form.account() == null) {
            throw Invalid.field("account", "is required: pick the account to post on");
        }
        return accounts.get(caller.workspaceId(), form.account());
    }
}
