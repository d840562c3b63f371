package io.socialsync.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/** Where a credential comes from: {@code Authorization: Bearer <API key or access token>}, or {@code X-API-Key}. */
final class Credentials implements BearerTokenResolver {

    @Override
    public String resolve(HttpServletRequest request) {
        String presented = presented(request);
        return presented == null || presented.isBlank() ? null : presented.trim();
    }

    static String presented(HttpServletRequest request) {
        String auth = request.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7).trim();
        }
        return request.getHeader("X-API-Key");
    }
}
