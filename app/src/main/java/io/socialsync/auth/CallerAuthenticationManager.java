package io.socialsync.auth;

import io.socialsync.apikey.ApiKeyService;
import io.socialsync.people.AccessTokens;
import io.socialsync.people.Memberships;
import io.socialsync.people.Users;
import io.socialsync.web.Caller;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * One bearer credential, two kinds: a JWT goes to Spring Security's JwtAuthenticationProvider (signature, issuer,
 * expiry), then the person's membership of the token's workspace gives the role, read now, not from the token;
 * anything else is looked up as an API key.
 */
final class CallerAuthenticationManager implements AuthenticationManager {
    private final ApiKeyService apiKeys;
    private final JwtAuthenticationProvider jwts;

    CallerAuthenticationManager(ApiKeyService apiKeys, AccessTokens accessTokens, Memberships memberships,
                                Users users) {
        this.apiKeys = apiKeys;
        this.jwts = new JwtAuthenticationProvider(token -> accessTokens.decoder().decode(token));
        this.jwts.setJwtAuthenticationConverter(jwt -> person(jwt, memberships, users));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (AccessTokens.looksLikeJwt(token)) {
            return jwts.authenticate(authentication);
        }
        return apiKeys.authenticate(token).map(CallerAuthentication::key)
                .orElseThrow(() -> new CredentialRefused("unknown or revoked API key"));
    }

    private static CallerAuthentication person(Jwt jwt, Memberships memberships, Users users) {
        long userId;
        try {
            userId = Long.parseLong(jwt.getSubject());
        } catch (NumberFormatException e) {
            throw new CredentialRefused("the access token names no user");
        }
        Object workspace = jwt.getClaims().get(AccessTokens.WORKSPACE);
        if (workspace instanceof Number ws) {
            var role = memberships.activeRole(ws.longValue(), userId).orElseThrow(() -> new CredentialRefused(
                    "the account is disabled or no longer a member of workspace " + ws));
            return CallerAuthentication.person(userId, Caller.person(ws.longValue(), userId, role));
        }
        if (users.byId(userId).filter(u -> !u.disabled()).isEmpty()) {
            throw new CredentialRefused("the account is disabled");
        }
        return CallerAuthentication.person(userId, null);
    }
}
