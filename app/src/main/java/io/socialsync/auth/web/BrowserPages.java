package io.socialsync.auth.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The browser's login page; the web app's home is the library (io.socialsync.webapp). */
@Controller
class BrowserPages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping({"/", "/app", "/app/"})
    String home() {
        return "redirect:/app/library";
    }
}
