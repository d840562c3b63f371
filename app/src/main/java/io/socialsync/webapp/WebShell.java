package io.socialsync.webapp;

import io.socialsync.domain.DomainException;
import io.socialsync.people.Memberships;
import io.socialsync.people.SignedIn;
import io.socialsync.people.User;
import io.socialsync.people.Users;
import io.socialsync.web.Caller;
import io.socialsync.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;

/**
 * The web app's pages share the header model (who, which workspace, what they may do) and their errors: the same
 * status and detail as the API's problem+json ({@link Problems}), as JSON for htmx and scripts, as a page otherwise.
 */
@ControllerAdvice(basePackageClasses = WebShell.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebShell {
    private final Memberships memberships;
    private final Users users;
    private final Problems problems;

    WebShell(Memberships memberships, Users users, Problems problems) {
        this.memberships = memberships;
        this.users = users;
        this.problems = problems;
    }

    @ModelAttribute("shell")
    Shell shell() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof SignedIn who) || !who.person() || who.caller() == null) {
            return null;
        }
        String email = users.byId(who.userId()).map(User::email).orElse("");
        return Shell.of(email, memberships.ofUser(who.userId()), who.caller());
    }

    @ExceptionHandler(DomainException.class)
    Object domain(DomainException e, HttpServletRequest request, HttpServletResponse response) {
        ResponseEntity<ProblemDetail> problem = problems.domain(e);
        if (wantsJson(request)) {
            return problem;
        }
        response.setStatus(problem.getStatusCode().value());
        var page = new ModelAndView("webapp/problem");
        page.setStatus(problem.getStatusCode());
        page.addObject("problem", problem.getBody());
        page.addObject("shell", shell());
        return page;
    }

    /** htmx and fetch() get problem+json; a full page load (the browser asks for text/html) gets a page. */
    static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return request.getHeader("HX-Request") != null || accept == null || !accept.contains("text/html");
    }
}
