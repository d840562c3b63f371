package io.socialsync.rules;

import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import io.socialsync.platforms.Platform;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform rules per workspace. A change never edits a version: it saves a new one and makes it active, so each
 * publication can name the exact rules it was planned with.
 */
@Service
public class RulesService {
    static final int MAX_GAP_MINUTES = 7 * 24 * 60;
    private final PlatformRulesRows rows;
    private final Ledger ledger;
    private final Clock clock;

    public RulesService(PlatformRulesRows rows, Ledger ledger, Clock clock) {
        this.rows = rows;
        this.ledger = ledger;
        this.clock = clock;
    }

    public RuleSet active(long workspaceId) {
        return rows.active(workspaceId).orElse(RuleSet.DEFAULTS);
    }

    public RuleSet version(long workspaceId, int version) {
        if (version == 0) {
            return RuleSet.DEFAULTS;
        }
        return rows.version(workspaceId, version).orElseThrow(() -> new NotFound("rules version", version));
    }

    public List<RuleSet> history(long workspaceId) {
        return rows.all(workspaceId);
    }

    /** Platforms left out keep the active version's rules; so do fields left out. */
    @Transactional
    public RuleSet propose(long workspaceId, Map<String, RuleInput> changes, Actor actor) {
        if (changes == null || changes.isEmpty()) {
            throw Invalid.field("rules", "name at least one platform: " + Platform.choices());
        }
        int version = rows.nextVersion(workspaceId);
        var merged = new EnumMap<>(active(workspaceId).rules());
        var errors = new Invalid.Collector();
        changes.forEach((name, input) -> {
            var platform = Platform.parse(name);
            if (platform.isEmpty()) {
                errors.add("rules." + name, "unknown platform; use " + Platform.choices());
            } else if (input == null) {
                errors.add("rules." + name, "must be an object");
            } else {
                merged.put(platform.get(), merge(name, merged.get(platform.get()), input, errors));
            }
        });
        errors.throwIfAny();
        var set = new RuleSet(version, merged, clock.instant().truncatedTo(ChronoUnit.MICROS), actor.value());
        rows.insertActive(workspaceId, set);
        ledger.append(new LedgerEvent.New(workspaceId, actor, EventType.PLATFORM_RULES_CREATED, "platform_rules",
                String.valueOf(version), null, Map.of("version", version, "rules", PlatformRulesRows.json(merged))));
        return set;
    }

    private static PlatformRule merge(String name, PlatformRule old, RuleInput in, Invalid.Collector errors) {
        int start = in.windowStartHour() != null ? in.windowStartHour() : old.windowStartHour();
        int end = in.windowEndHour() != null ? in.windowEndHour() : old.windowEndHour();
        int gap = in.minGapMinutes() != null ? in.minGapMinutes() : old.minGapMinutes();
        String at = "rules." + name + ".";
        if (start < 0 || start > 23) {
            errors.add(at + "window_start_hour", "must be between 0 and 23");
        }
        if (end < 1 || end > 24) {
            errors.add(at + "window_end_hour", "must be between 1 and 24 (24 is midnight)");
        }
        if (start >= end) {
            errors.add(at + "window_end_hour", "must be after window_start_hour (" + start + ")");
        }
        if (gap < 0 || gap > MAX_GAP_MINUTES) {
            errors.add(at + "min_gap_minutes", "must be between 0 and " + MAX_GAP_MINUTES);
        }
        return new PlatformRule(start, end, gap);
    }
}
