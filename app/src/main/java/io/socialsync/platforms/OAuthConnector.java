package io.socialsync.platforms;

import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.util.MultiValueMap;

/**
 * One platform family's "connect an account": its OAuth client as a Spring Security {@link ClientRegistration} with
 * the minimum scopes, what its provider needs beyond RFC 6749, and the accounts a granted token reaches.
 * {@link OAuthConnect} drives the authorization request and the code exchange for every platform.
 */
public interface OAuthConnector {

    Set<Platform> platforms();

    /** Whether the instance has this platform's client id and secret ({@link TokenSettings}). */
    boolean configured();

    /** What to set when {@link #configured()} is false. */
    String notConfigured();

    /** The minimum scopes to publish and read insights, as the provider names them. */
    List<String> scopes(Platform platform);

    /** The external id that names an account on this platform ({@code ig_user_id}, {@code page_id}, ...). */
    String identityKey(Platform platform);

    ClientRegistration registration(Platform platform, String redirectUri);

    /** Whether the provider takes PKCE (RFC 7636, S256) on a web server flow. */
    boolean pkce();

    /** Provider parameters of the authorization request beyond RFC 6749 (Google's offline access, TikTok's key). */
    default void authorization(Platform platform, OAuth2AuthorizationRequest.Builder request) {
    }

    /** Provider parameters of the code exchange beyond RFC 6749 (TikTok's {@code client_key}). */
    default void tokenRequest(MultiValueMap<String, String> parameters) {
    }

    /** With the exchanged tokens: check the granted scopes, then list the accounts the person may connect. */
    ConnectOutcome accounts(Platform platform, OAuth2AccessTokenResponse tokens);
}
