package io.socialsync.apikey.web;

import io.socialsync.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;

/**
 * A request made with an admin key, seen by the servlet API as an authenticated user in role ADMIN: how the
 * actuator decides whether to show health details ({@code when-authorized}) without Spring Security.
 */
final class AdminRequest extends HttpServletRequestWrapper {
    static final String ROLE = "ADMIN";
    private final Principal principal;

    AdminRequest(HttpServletRequest request, Caller caller) {
        super(request);
        String name = "api-key:" + caller.apiKeyId();
        this.principal = () -> name;
    }

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return ROLE.equals(role) || ("ROLE_" + ROLE).equals(role);
    }
}
