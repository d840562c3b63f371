package io.socialsync.webapp;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The nav's pages not built yet say so and name the API that has them, rather than a bare 404. */
@Controller
class LaterPages {

    @GetMapping("/app/{page:calendar|accounts|ledger}")
    String later(@PathVariable String page, Model model) {
        model.addAttribute("nav", page);
        model.addAttribute("page", page);
        model.addAttribute("api", switch (page) {
            case "calendar" -> "GET /calendar";
            case "accounts" -> "GET /social-accounts";
            default -> "GET /ledger";
        });
        return "webapp/later";
    }
}
