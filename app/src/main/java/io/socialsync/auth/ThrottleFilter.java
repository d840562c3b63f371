package io.socialsync.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** An address that keeps failing to authenticate is answered 429 before its credential is looked at. */
final class ThrottleFilter extends OncePerRequestFilter {
    private final AuthProblems problems;

    ThrottleFilter(AuthProblems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!problems.refuseThrottled(request, response)) {
            chain.doFilter(request, response);
        }
    }
}
