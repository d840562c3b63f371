package io.socialsync.webapp.access;

import io.socialsync.auth.BrowserCaller;
import io.socialsync.auth.BrowserSignIn;
import io.socialsync.domain.DomainException;
import io.socialsync.domain.Invalid;
import io.socialsync.people.People;
import io.socialsync.people.SignedIn;
import io.socialsync.web.Problems;
import io.socialsync.webapp.Times;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The mailed invitation link's page, open to anyone holding the link: it accepts as POST /auth/invitations/accept
 * does (People.accept). Signed in, that person joins; otherwise a new account is made for the invited address and
 * its browser session starts in the workspace.
 */
@Controller
class InvitationPage {
    private static final String VIEW = "webapp/access/invitation";
    private final People people;
    private final BrowserSignIn signIn;
    private final Problems problems;

    InvitationPage(People people, BrowserSignIn signIn, Problems problems) {
        this.people = people;
        this.signIn = signIn;
        this.problems = problems;
    }

    @GetMapping("/app/invitations/accept")
    String page(@AuthenticationPrincipal SignedIn who, @RequestParam(required = false) String token, Model model,
                HttpServletResponse response) {
        model.addAttribute("signedIn", who != null && who.person());
        if (!offer(token, model)) {
            response.setStatus(404);
        }
        return VIEW;
    }

    /** @return whether the link still offers an invitation (put in the model with its expiry) */
    private boolean offer(String token, Model model) {
        var pending = people.pendingInvitation(token);
        model.addAttribute("token", token);
        model.addAttribute("invitation", pending.orElse(null));
        model.addAttribute("expires", pending.map(p -> Times.show(p.expiresAt())).orElse(""));
        return pending.isPresent();
    }

    @PostMapping("/app/invitations/accept")
    String accept(@AuthenticationPrincipal SignedIn who, @RequestParam(required = false) String token,
                  @RequestParam(name = "display_name", required = false) String displayName,
                  @RequestParam(required = false) String password,
                  @RequestParam(name = "password_again", required = false) String again, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        boolean signedIn = who != null && who.person();
        try {
            if (!signedIn && password != null && !password.equals(again)) {
                throw Invalid.field("password_again", "does not match the password");
            }
            var session = people.join(token, signedIn ? who.userId() : null, displayName, password);
            if (signedIn) {
                request.getSession().setAttribute(BrowserCaller.WORKSPACE, session.workspaceId());
            } else {
                signIn.signIn(session.userId(), session.workspaceId(), request, response);
            }
            return "redirect:/app/library";
        } catch (DomainException e) {
            model.addAttribute("signedIn", signedIn);
            offer(token, model);
            model.addAttribute("displayName", displayName);
            return FormError.of(e, problems).show(VIEW, model, response);
        }
    }
}
