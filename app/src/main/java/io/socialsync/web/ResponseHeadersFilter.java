package io.socialsync.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers on every response, set before anything else answers so that errors carry them too: nosniff (a browser
 * never guesses a type the server did not send), and no-store on the API, whose answers are per key and change.
 * Signed file links (/files/) are left to their controller: their bytes never change under a key, so caches may
 * keep them, and the signature's expiry bounds how long the link itself works.
 */
class ResponseHeadersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/files/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }
}
