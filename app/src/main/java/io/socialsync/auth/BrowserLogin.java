package io.socialsync.auth;

import io.socialsync.people.AuthRefused;
import io.socialsync.people.Sessions;
import io.socialsync.people.SignedIn;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The login form's check: the same as POST /auth/login (throttles, no enumeration, ledger events). */
final class BrowserLogin implements AuthenticationProvider {
    private final Sessions sessions;

    BrowserLogin(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        try {
            var user = sessions.verify(authentication.getName(), String.valueOf(authentication.getCredentials()),
                    address);
            return UsernamePasswordAuthenticationToken.authenticated(new SignedIn(user.id(), null), null,
                    List.of(new SimpleGrantedAuthority("ROLE_USER")));
        } catch (AuthRefused e) {
            throw new BadCredentialsException(e.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
