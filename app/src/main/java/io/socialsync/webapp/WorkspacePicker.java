package io.socialsync.webapp;

import io.socialsync.auth.BrowserCaller;
import io.socialsync.domain.Forbidden;
import io.socialsync.people.Memberships;
import io.socialsync.people.SignedIn;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The header's workspace picker: the session remembers the choice, the role is read at each request. */
@Controller
class WorkspacePicker {
    private final Memberships memberships;

    WorkspacePicker(Memberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/app/workspace")
    String pick(@AuthenticationPrincipal SignedIn who, @RequestParam long workspace, HttpSession session) {
        if (who == null || !who.person() || memberships.activeRole(workspace, who.userId()).isEmpty()) {
            throw new Forbidden("you are not a member of workspace " + workspace);
        }
        session.setAttribute(BrowserCaller.WORKSPACE, workspace);
        return "redirect:/app/library";
    }
}
