package io.socialsync.webapp.settings;

import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import org.springframework.ui.Model;

/** What every settings tab's page needs beside its own model: the nav, its tab, whether admin tabs show. */
final class SettingsTabs {

    private SettingsTabs() {
    }

    static String show(Caller caller, Model model, String tab, String view) {
        model.addAttribute("nav", "settings");
        model.addAttribute("tab", tab);
        model.addAttribute("admin", caller.role().allows(Role.ADMIN));
        return view;
    }
}
