package io.socialsync.webapp.access;

import io.socialsync.domain.DomainException;
import io.socialsync.domain.Invalid;
import io.socialsync.people.AuthRefused;
import io.socialsync.people.People;
import io.socialsync.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgotten passwords, open to anyone: ask for a link (POST /auth/password-reset's answer, the same for any
 * address), then the mailed link's page sets the new password (POST /auth/password-reset/confirm) and sends the
 * person to log in.
 */
@Controller
class PasswordResetPage {
    private static final String REQUEST = "webapp/access/password-reset";
    private static final String CONFIRM = "webapp/access/password-reset-confirm";
    private final People people;
    private final Problems problems;

    PasswordResetPage(People people, Problems problems) {
        this.people = people;
        this.problems = problems;
    }

    @GetMapping("/app/password-reset")
    String request() {
        return REQUEST;
    }

    @PostMapping("/app/password-reset")
    String send(@RequestParam(required = false) String email, Model model) {
        people.requestReset(email);
        model.addAttribute("sent", true);
        return REQUEST;
    }

    @GetMapping("/app/password-reset/confirm")
    String confirmPage(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("token", token);
        return CONFIRM;
    }

    @PostMapping("/app/password-reset/confirm")
    String confirm(@RequestParam(required = false) String token, @RequestParam(required = false) String password,
                   @RequestParam(name = "password_again", required = false) String again, Model model,
                   HttpServletResponse response) {
        model.addAttribute("token", token);
        try {
            if (password != null && !password.equals(again)) {
                throw Invalid.field("password_again", "does not match the password");
            }
            people.confirmReset(token, password);
            return "redirect:/login?reset";
        } catch (DomainException e) {
            return FormError.of(e, problems).show(CONFIRM, model, response);
        } catch (AuthRefused e) {
            model.addAttribute("expired", true);
            return new FormError(401, e.getMessage()).show(CONFIRM, model, response);
        }
    }
}
