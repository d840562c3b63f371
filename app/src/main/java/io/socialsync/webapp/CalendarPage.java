package io.socialsync.webapp;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.accounts.SocialAccountService;
import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.publish.orchestrator.Orchestrator;
import io.socialsync.publish.scheduling.PastDeadline;
import io.socialsync.publish.scheduling.PublicationLifecycle;
import io.socialsync.publish.scheduling.Rescheduling;
import io.socialsync.publish.scheduling.When;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The calendar: a week or a month of one account's posts or all of them, each at its account's wall clock, the
 * posting windows shaded. Moving a post is {@code POST /publishing/{id}/reschedule}'s service with a deadline (the
 * end of the hour or day it was dropped on), so a move the windows or gaps would push elsewhere is refused, its
 * reason told at the account's wall clock ({@link MoveRefusal}); settling an unconfirmed post is the orchestrator's posted/failed report.
 */
@Controller
class CalendarPage {
    private final CalendarPosts posts;
    private final Rescheduling rescheduling;
    private final PublicationLifecycle lifecycle;
    private final Orchestrator orchestrator;
    private final SocialAccountService accounts;
    private final Clock clock;

    CalendarPage(CalendarPosts posts, Rescheduling rescheduling, PublicationLifecycle lifecycle,
                 Orchestrator orchestrator, SocialAccountService accounts, Clock clock) {
        this.posts = posts;
        this.rescheduling = rescheduling;
        this.lifecycle = lifecycle;
        this.orchestrator = orchestrator;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/app/calendar")
    String page(Caller caller, @RequestParam(required = false) String view,
                @RequestParam(required = false) LocalDate date, @RequestParam(required = false) Long account,
                Model model) {
        grid(caller, view, date, account, model);
        model.addAttribute("accounts", accounts.page(caller.workspaceId(), null, null, 100));
        model.addAttribute("nav", "calendar");
        return "webapp/calendar";
    }

    /** The grid alone, for htmx: redrawn after a drag moved a post. */
    @GetMapping("/app/calendar/grid")
    String grid(Caller caller, @RequestParam(required = false) String view,
                @RequestParam(required = false) LocalDate date, @RequestParam(required = false) Long account,
                Model model) {
        CalendarView v = view(view);
        SocialAccount chosen = account == null ? null : accounts.get(caller.workspaceId(), account);
        List<SocialAccount> shown = chosen != null ? List.of(chosen)
                : accounts.page(caller.workspaceId(), null, null, 100);
        ZoneId here = chosen == null ? ZoneOffset.UTC : chosen.timezone();
        LocalDate anchor = date != null ? date : LocalDate.now(clock.withZone(here));
        LocalDate first = v.first(anchor);
        var shownPosts = posts.between(caller.workspaceId(), account, first, first.plusDays(v.days()));
        var windows = posts.windows(caller.workspaceId(), shown);
        model.addAttribute("grid", CalendarGrid.of(v, anchor, shownPosts, windows.hours()));
        model.addAttribute("truncated", shownPosts.size() >= CalendarPosts.MAX);
        model.addAttribute("windows", windows.legend());
        model.addAttribute("zone", chosen == null ? null : chosen.timezone().getId());
        model.addAttribute("account", chosen == null ? null : chosen.id());
        return "webapp/calendar :: grid";
    }

    /**
     * Moves a post to {@code to} on its account's wall clock, planned by the reschedule service with the end of the
     * hour (or, from a month, the day) as the deadline. A drag (JSON) gets the outcome or the refusal as a problem;
     * the keyboard's form goes back to the calendar with either.
     */
    @PostMapping("/app/calendar/{id}/move")
    Object move(Caller caller, @PathVariable long id, @RequestParam String to,
                @RequestParam(defaultValue = "hour") String span, @RequestParam(required = false) String view,
                @RequestParam(required = false) Long account, HttpServletRequest request, RedirectAttributes flash) {
        caller.require(Role.EDITOR);
        LocalDateTime local = localTime(to);
        LocalDateTime end = switch (span) {
            case "hour" -> local.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            case "day" -> local.toLocalDate().plusDays(1).atStartOfDay();
            default -> throw new Invalid("span must be hour or day, got '" + span + "'");
        };
        String back = back(view, local.toLocalDate(), account);
        try {
            var p = lifecycle.get(caller.workspaceId(), id);
            ZoneId zone = accounts.get(caller.workspaceId(), p.socialAccountId()).timezone();
            // the deadline is inclusive: a second before the next hour keeps the post in the cell it was dropped on
            Instant deadline = ZonedDateTime.of(end, zone).toInstant().minusSeconds(1);
            var moved = rescheduling.reschedule(caller.workspaceId(), id, new When.Local(local), deadline,
                    Actor.of(caller));
            String detail = "Moved to " + CalendarPost.time(moved.publication().scheduledFor().atZone(zone)) + ": "
                    + moved.reason();
            if (WebShell.wantsJson(request)) {
                return ResponseEntity.ok(Map.of("detail", detail));
            }
            flash.addFlashAttribute("notice", detail);
        } catch (PastDeadline refused) {
            String sentence = MoveRefusal.sentence(refused, clock.instant());
            if (WebShell.wantsJson(request)) {
                throw new Conflict(sentence);
            }
            flash.addFlashAttribute("error", "Not moved: " + sentence);
        } catch (Conflict | Invalid refused) {
            if (WebShell.wantsJson(request)) {
                throw refused;
            }
            flash.addFlashAttribute("error", "Not moved: " + refused.detail());
        }
        return "redirect:" + back;
    }

    /** A person checked the platform: the same posted/failed reports as {@code POST /publishing/{id}/posted|failed}. */
    @PostMapping("/app/calendar/{id}/settle")
    String settle(Caller caller, @PathVariable long id, @RequestParam String outcome,
                  @RequestParam(required = false) String view, @RequestParam(required = false) LocalDate date,
                  @RequestParam(required = false) Long account, RedirectAttributes flash) {
        caller.require(Role.EDITOR);
        var settled = switch (outcome) {
            case "posted" -> orchestrator.posted(caller.workspaceId(), id, null, null, null, Actor.of(caller));
            case "failed" -> orchestrator.failed(caller.workspaceId(), id, "marked failed by a person who checked "
                    + "the platform", false, null, Actor.of(caller));
            default -> throw new Invalid("outcome must be posted or failed, got '" + outcome + "'");
        };
        flash.addFlashAttribute("notice", "Post " + id + " is " + settled.state().wire());
        return "redirect:" + back(view, date, account);
    }

    private static CalendarView view(String text) {
        if (text == null || text.isBlank()) {
            return CalendarView.WEEK;
        }
        try {
            return CalendarView.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Invalid("view must be week or month, got '" + text + "'");
        }
    }

    private static LocalDateTime localTime(String text) {
        try {
            return LocalDateTime.parse(text.strip());
        } catch (DateTimeException e) {
            throw new Invalid("to must be a local date and time such as 2030-01-08T19:00, got '" + text + "'");
        }
    }

    /** Back to the calendar the form was on, built from its parts (never a URL the request names). */
    private static String back(String view, LocalDate date, Long account) {
        return UriComponentsBuilder.fromPath("/app/calendar").queryParam("view", view(view).wire())
                .queryParamIfPresent("date", Optional.ofNullable(date))
                .queryParamIfPresent("account", Optional.ofNullable(account)).build().toUriString();
    }
}
