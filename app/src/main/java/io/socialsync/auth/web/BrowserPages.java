package io.socialsync.auth.web;

import io.socialsync.people.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The browser's login page and a placeholder home for the web app to come (its own issue). */
@Controller
class BrowserPages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/app/")
    String home(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("userId", who.userId());
        return "app";
    }
}
