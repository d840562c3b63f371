package io.socialsync.webapp.settings;

import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.people.User;
import io.socialsync.people.Users;
import io.socialsync.platforms.Platform;
import io.socialsync.rules.RuleInput;
import io.socialsync.rules.RuleSet;
import io.socialsync.rules.RulesService;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.socialsync.webapp.Times;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings' first tab: the posting windows and minimum gaps per platform (GET/POST /rules): editors save versions. */
@Controller
class RulesSettings {
    private static final int HISTORY = 10;
    private static final String PERSON = "user:";
    private final RulesService rules;
    private final Users users;

    RulesSettings(RulesService rules, Users users) {
        this.rules = rules;
        this.users = users;
    }

    /** One platform's row; hours in the account's local time, as the scheduler reads them. */
    public record Row(String platform, String name, int start, int end, int gap) {
    }

    /** A saved version as the history lists it: who saved it by email when a person did. */
    public record Version(int version, String created, String by) {
    }

    private Version version(RuleSet set) {
        String by = set.createdBy();
        if (by != null && by.startsWith(PERSON)) {
            try {
                by = users.byId(Long.parseLong(by.substring(PERSON.length()))).map(User::email).orElse(by);
            } catch (NumberFormatException e) {
                // not a person's id: shown as recorded
            }
        }
        return new Version(set.version(), Times.show(set.createdAt()), by);
    }

    private static String name(Platform p) {
        return switch (p) {
            case INSTAGRAM -> "Instagram";
            case TIKTOK -> "TikTok";
            case YOUTUBE -> "YouTube";
            case FACEBOOK -> "Facebook";
        };
    }

    @GetMapping("/app/settings")
    String page(Caller caller, Model model) {
        RuleSet active = rules.active(caller.workspaceId());
        model.addAttribute("active", version(active));
        model.addAttribute("builtIn", active.isDefault());
        model.addAttribute("rows", Arrays.stream(Platform.values()).filter(p -> active.of(p) != null)
                .map(p -> new Row(p.wire(), name(p), active.of(p).windowStartHour(), active.of(p).windowEndHour(),
                        active.of(p).minGapMinutes())).toList());
        model.addAttribute("history", rules.history(caller.workspaceId()).stream().limit(HISTORY)
                .map(this::version).toList());
        return SettingsTabs.show(caller, model, "rules", "webapp/settings/rules");
    }

    /** Every platform's three fields, named platform.window_start_hour and so on; blank keeps the current value. */
    @PostMapping("/app/settings/rules")
    String save(Caller caller, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        caller.require(Role.EDITOR);
        var changes = new LinkedHashMap<String, RuleInput>();
        var errors = new Invalid.Collector();
        for (Platform p : Platform.values()) {
            List<Integer> values = Arrays.stream(new String[]{"window_start_hour", "window_end_hour", "min_gap_minutes"})
                    .map(field -> number(form, p.wire() + "." + field, errors)).toList();
            if (values.stream().anyMatch(v -> v != null)) {
                changes.put(p.wire(), new RuleInput(values.get(0), values.get(1), values.get(2)));
            }
        }
        errors.throwIfAny();
        RuleSet saved = rules.propose(caller.workspaceId(), changes, Actor.of(caller));
        flash.addFlashAttribute("notice", "Saved version " + saved.version() + "; it is active now.");
        return "redirect:/app/settings";
    }

    private static Integer number(Map<String, String> form, String name, Invalid.Collector errors) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.add("rules." + name, "must be a whole number");
            return null;
        }
    }
}
