package io.socialsync.webapp;

import io.socialsync.domain.Invalid;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.ledger.LedgerEvents;
import io.socialsync.ledger.LedgerQuery;
import io.socialsync.web.Caller;
import io.socialsync.web.FieldLimits;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's ledger, newest first, by GET /ledger's query (filters by type, entity, actor and time; keyset
 * pages), and the chain's verification. Every role may read it: it is the workspace's audit trail.
 */
@Controller
class LedgerPage {
    static final int PAGE = 50;
    private final LedgerEvents events;
    private final ChainCheck check;

    LedgerPage(LedgerEvents events, ChainCheck check) {
        this.events = events;
        this.check = check;
    }

    /** The filters as the form sends them: blank fields are no filter; times are UTC (datetime-local). */
    public record Filters(String type, String entityType, String entityId, String actor, String from, String to) {
        static Filters of(String type, String entityType, String entityId, String actor, String from, String to) {
            return new Filters(clean("event_type", type), clean("entity_type", entityType),
                    clean("entity_id", entityId), clean("actor", actor), clean("from", from), clean("to", to));
        }

        private static String clean(String field, String value) {
            return value == null || value.isBlank() ? null : FieldLimits.bounded(field, value.strip(), 200);
        }

        LedgerQuery query(long ws, Long before) {
            return new LedgerQuery(ws, entityType, entityId, type, actor, instant("from", from), instant("to", to),
                    before, PAGE + 1);
        }

        /** A browser's datetime-local (minutes, no zone: read as UTC, as the form says) or an ISO instant. */
        static Instant instant(String field, String value) {
            if (value == null) {
                return null;
            }
            try {
                return value.endsWith("Z") ? Instant.parse(value) : LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new Invalid(field + ": not a time: " + value + " (expected 2026-12-07T09:30, in UTC)");
            }
        }
    }

    /** An event as a row shows it; the payload as stored (canonical JSON). */
    public record Row(long id, String at, String type, String entityType, String entityId, String actor, Long jobId,
                      String payload) {
        static Row of(LedgerEvent e) {
            return new Row(e.id(), Times.show(e.occurredAt()), e.eventType(), e.entityType(), e.entityId(), e.actor(),
                    e.jobId(), e.payload());
        }
    }

    @GetMapping("/app/ledger")
    String page(Caller caller, @RequestParam(name = "event_type", required = false) String type,
                @RequestParam(name = "entity_type", required = false) String entityType,
                @RequestParam(name = "entity_id", required = false) String entityId,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) Long before, Model model) {
        rows(caller, type, entityType, entityId, actor, from, to, before, model);
        model.addAttribute("types", Arrays.stream(EventType.values()).map(EventType::wire).toList());
        model.addAttribute("verification", check.last().orElse(null));
        model.addAttribute("nav", "ledger");
        return "webapp/ledger";
    }

    @GetMapping("/app/ledger/rows")
    String rows(Caller caller, @RequestParam(name = "event_type", required = false) String type,
                @RequestParam(name = "entity_type", required = false) String entityType,
                @RequestParam(name = "entity_id", required = false) String entityId,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) Long before, Model model) {
        var filters = Filters.of(type, entityType, entityId, actor, from, to);
        List<LedgerEvent> page = events.page(filters.query(caller.workspaceId(), before));
        boolean more = page.size() > PAGE;
        var rows = page.stream().limit(PAGE).map(Row::of).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("filters", filters);
        model.addAttribute("before", before);
        model.addAttribute("older", more ? rows.getLast().id() : null);
        return "webapp/ledger :: rows";
    }

    /**
     * The whole chain's verification (every workspace shares one chain), at most one walk at a time: htmx swaps the
     * result in; a browser without scripts is sent back to the page, which shows the latest result.
     */
    @PostMapping("/app/ledger/verify")
    String verify(Caller caller, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("verification", check.run());
        return htmx == null ? "redirect:/app/ledger" : "webapp/ledger :: verification";
    }
}
