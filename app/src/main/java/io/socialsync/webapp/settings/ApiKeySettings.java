package io.socialsync.webapp.settings;

import io.socialsync.apikey.ApiKey;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.socialsync.webapp.Times;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace's API keys, admins only as in /api-keys: list, create with a role (the key shown once), revoke. */
@Controller
class ApiKeySettings {
    private static final int MAX_NAME = 200;
    private final ApiKeyService keys;

    ApiKeySettings(ApiKeyService keys) {
        this.keys = keys;
    }

    /** A key as the list shows it: never the key itself, which is not stored. */
    public record Key(long id, String name, String publicId, String role, String created, String revoked,
                      boolean active) {
        static Key of(ApiKey k) {
            return new Key(k.id(), k.name(), k.publicId(), k.role().wire(), Times.show(k.createdAt()),
                    Times.show(k.revokedAt()), k.active());
        }
    }

    @GetMapping("/app/settings/api-keys")
    String page(Caller caller, Model model) {
        caller.require(Role.ADMIN);
        model.addAttribute("keys", keys.list(caller.workspaceId()).stream().map(Key::of).toList());
        model.addAttribute("roles", List.of(Role.values()).stream().map(Role::wire).toList());
        return SettingsTabs.show(caller, model, "api-keys", "webapp/settings/api-keys");
    }

    /**
     * The plain key is in this answer only, never in the session (a flash attribute would keep it there until the
     * page is loaded again, possibly hours later); app.js turns the answer's history entry into a GET, so a reload
     * shows the page without it and posts nothing.
     */
    @PostMapping("/app/settings/api-keys")
    String create(Caller caller, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String role, Model model) {
        caller.require(Role.ADMIN);
        var errors = new Invalid.Collector();
        if (name == null || name.isBlank()) {
            errors.add("name", "must not be blank");
        } else if (name.length() > MAX_NAME) {
            errors.add("name", "must be at most " + MAX_NAME + " characters");
        }
        Role parsed = null;
        try {
            parsed = Role.parse(role);
        } catch (IllegalArgumentException e) {
            errors.add("role", "must be one of admin, editor, viewer");
        }
        errors.throwIfAny();
        var created = keys.create(caller.workspaceId(), name, parsed, Actor.of(caller));
        model.addAttribute("notice", "Key '" + created.key().name() + "' created. Copy it now: it is shown "
                + "this once.");
        model.addAttribute("secret", created.plainKey());
        return page(caller, model);
    }

    @PostMapping("/app/settings/api-keys/{id}/revoke")
    String revoke(Caller caller, @PathVariable long id, RedirectAttributes flash) {
        caller.require(Role.ADMIN);
        var key = keys.revoke(caller.workspaceId(), id, Actor.of(caller));
        flash.addFlashAttribute("notice", "Key '" + key.name() + "' revoked.");
        return "redirect:/app/settings/api-keys";
    }
}
