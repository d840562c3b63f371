package io.socialsync.webapp;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The nav's pages not built yet say so and name the API that has them, rather than a bare 404. A page that gets
 * built maps its literal path, which Spring prefers over this pattern.
 */
@Controller
class LaterPages {

    @GetMapping("/app/{page:calendar|accounts|ledger|metrics|settings}")
    String later(@PathVariable String page, Model model) {
        model.addAttribute("nav", page);
        model.addAttribute("page", page);
        model.addAttribute("api", switch (page) {
            case "calendar" -> "GET /calendar";
            case "accounts" -> "GET /social-accounts";
            case "metrics" -> "GET /publications/{id}/metrics";
            case "settings" -> "GET /rules";
            default -> "GET /ledger";
        });
        return "webapp/later";
    }
}
