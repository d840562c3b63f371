package io.socialsync.ingest.tus.web;

import io.socialsync.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * tus rules that hold for every request under /uploads/tus, answered before authentication so that even a 401
 * carries them: {@code Tus-Resumable: 1.0.0} on each response, 412 for a client speaking another version, and
 * {@code X-HTTP-Method-Override} on POST (tus-java-client sends PATCH that way: HttpURLConnection cannot PATCH).
 */
class TusProtocolFilter extends OncePerRequestFilter {
    static final String VERSION = "1.0.0";
    private static final Set<String> OVERRIDABLE = Set.of("PATCH", "DELETE", "HEAD");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Tus-Resumable", VERSION);
        String version = request.getHeader("Tus-Resumable");
        if (!"OPTIONS".equals(request.getMethod()) && !VERSION.equals(version)) {
            response.setHeader("Tus-Version", VERSION);
            ProblemResponses.write(response, 412, "Precondition failed", "this server speaks tus " + VERSION
                    + " only; send Tus-Resumable: " + VERSION + (version == null ? "" : " (got " + version + ")"));
            return;
        }
        String override = request.getHeader("X-HTTP-Method-Override");
        if ("POST".equals(request.getMethod()) && override != null
                && OVERRIDABLE.contains(override.strip().toUpperCase(Locale.ROOT))) {
            String method = override.strip().toUpperCase(Locale.ROOT);
            request = new HttpServletRequestWrapper(request) {
                @Override
                public String getMethod() {
                    return method;
                }
            };
        }
        chain.doFilter(request, response);
    }
}
