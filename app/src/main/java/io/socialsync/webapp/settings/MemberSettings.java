package io.socialsync.webapp.settings;

import io.socialsync.auth.BrowserCaller;
import io.socialsync.domain.Invalid;
import io.socialsync.people.Membership;
import io.socialsync.people.People;
import io.socialsync.people.WorkspaceMembers;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.socialsync.webapp.Times;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's members (/workspaces/{id}/members): everyone sees them; admins invite by email, change roles and
 * remove; anyone may leave. The last admin rule and the role checks are WorkspaceMembers' and People's.
 */
@Controller
class MemberSettings {
    private final WorkspaceMembers members;
    private final People people;

    MemberSettings(WorkspaceMembers members, People people) {
        this.members = members;
        this.people = people;
    }

    /** A member as the list shows them; {@code me}: the person looking. */
    public record Member(long userId, String email, String name, String role, String since, boolean me) {
        static Member of(Membership.Member m, Caller caller) {
            return new Member(m.userId(), m.email(), m.displayName() == null ? "" : m.displayName(), m.role().wire(),
                    Times.show(m.since()), Long.valueOf(m.userId()).equals(caller.userId()));
        }
    }

    @GetMapping("/app/settings/members")
    String page(Caller caller, Model model) {
        model.addAttribute("members", members.members(caller, caller.workspaceId()).stream()
                .map(m -> Member.of(m, caller)).toList());
        model.addAttribute("roles", List.of(Role.values()).stream().map(Role::wire).toList());
        return SettingsTabs.show(caller, model, "members", "webapp/settings/members");
    }

    /** Mailed when SMTP is set up; otherwise the admin gets the link to pass on, as the API answers it. */
    @PostMapping("/app/settings/members/invitations")
    String invite(Caller caller, @RequestParam(required = false) String email,
                  @RequestParam(required = false) String role, RedirectAttributes flash) {
        caller.require(Role.ADMIN);
        var sent = people.invite(caller, caller.workspaceId(), email, role(role));
        if (sent.mailed()) {
            flash.addFlashAttribute("notice", "Invitation mailed to " + sent.invitation().email() + ".");
        } else {
            flash.addFlashAttribute("notice", "No mail is set up: give " + sent.invitation().email()
                    + " this link, which works once:");
            flash.addFlashAttribute("secret", sent.link());
        }
        return "redirect:/app/settings/members";
    }

    @PostMapping("/app/settings/members/{userId}/role")
    String changeRole(Caller caller, @PathVariable long userId, @RequestParam(required = false) String role,
                      RedirectAttributes flash) {
        var changed = members.changeRole(caller, caller.workspaceId(), userId, role(role));
        flash.addFlashAttribute("notice", changed.email() + " is now " + changed.role().wire() + ".");
        return "redirect:/app/settings/members";
    }

    @PostMapping("/app/settings/members/{userId}/remove")
    String remove(Caller caller, @PathVariable long userId, HttpSession session, RedirectAttributes flash) {
        members.remove(caller, caller.workspaceId(), userId);
        if (Long.valueOf(userId).equals(caller.userId())) {
            session.removeAttribute(BrowserCaller.WORKSPACE);
            return "redirect:/app/";
        }
        flash.addFlashAttribute("notice", "Member removed.");
        return "redirect:/app/settings/members";
    }

    private static Role role(String role) {
        try {
            return Role.parse(role);
        } catch (IllegalArgumentException e) {
            throw Invalid.field("role", "must be one of admin, editor, viewer");
        }
    }
}
