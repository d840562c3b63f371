package io.socialsync.webapp.access;

import io.socialsync.domain.DomainException;
import io.socialsync.domain.Invalid;
import io.socialsync.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.util.stream.Collectors;
import org.springframework.ui.Model;

/**
 * A refused form of the public pages is shown on the form itself, so the person can correct it, with the API's
 * status and detail ({@link Problems}) and each field's message spelled out.
 */
record FormError(int status, String message) {

    static FormError of(DomainException e, Problems problems) {
        int status = problems.domain(e).getStatusCode().value();
        if (e instanceof Invalid invalid && !invalid.errors().isEmpty()) {
            return new FormError(status, invalid.errors().stream()
                    .map(f -> f.field().replace('_', ' ') + " " + f.message()).collect(Collectors.joining("; ")));
        }
        return new FormError(status, e.detail());
    }

    /** The form again, with this error and its status. */
    String show(String view, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("error", message);
        return view;
    }
}
