package io.socialsync.platforms;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.DefaultMapOAuth2AccessTokenResponseConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The authorization code flow (RFC 6749 §4.1, PKCE per RFC 7636) for every platform, on Spring Security's OAuth2
 * client: {@link OAuth2AuthorizationRequest} builds the consent URL (its PKCE customizer makes the verifier and
 * the S256 challenge) and {@link RestClientAuthorizationCodeTokenResponseClient} exchanges the code. Only the
 * redirect handling is ours: Spring's is a servlet filter of a security filter chain, which this service does not
 * run for connections (the state is ours too, see the accounts feature's connect flow).
 */
@Component
public class OAuthConnect {
    private final Map<Platform, OAuthConnector> connectors = new HashMap<>();
    private final Map<OAuthConnector, RestClientAuthorizationCodeTokenResponseClient> exchanges = new HashMap<>();

    public OAuthConnect(List<OAuthConnector> all, TokenSettings settings) {
        RestClient rest = rest(settings.requestTimeout());
        for (var connector : all) {
            connector.platforms().forEach(p -> connectors.put(p, connector));
            var exchange = new RestClientAuthorizationCodeTokenResponseClient();
            exchange.setRestClient(rest);
            exchange.setParametersCustomizer(connector::tokenRequest);
            exchanges.put(connector, exchange);
        }
    }

    /** The consent page's URL, and the PKCE verifier to keep for the callback (null without PKCE). */
    public record Authorization(String url, String codeVerifier) {
        @Override
        public String toString() {
            return "Authorization[" + url + "]";
        }
    }

    public Optional<OAuthConnector> connector(Platform platform) {
        return Optional.ofNullable(connectors.get(platform));
    }

    public Authorization authorize(Platform platform, String redirectUri, String state) {
        var connector = connectors.get(platform);
        var builder = request(connector.registration(platform, redirectUri), state);
        if (connector.pkce()) {
            OAuth2AuthorizationRequestCustomizers.withPkce().accept(builder);
        }
        connector.authorization(platform, builder);
        var request = builder.build();
        return new Authorization(request.getAuthorizationRequestUri(),
                request.getAttribute(PkceParameterNames.CODE_VERIFIER));
    }

    /** Exchanges the code (with the verifier kept since {@link #authorize}), then lists the accounts. */
    public ConnectOutcome complete(Platform platform, String redirectUri, String state, String code,
                                   String codeVerifier) {
        var connector = connectors.get(platform);
        var registration = connector.registration(platform, redirectUri);
        var request = request(registration, state).attributes(a -> {
            if (codeVerifier != null) {
                a.put(PkceParameterNames.CODE_VERIFIER, codeVerifier);
            }
        }).build();
        var response = OAuth2AuthorizationResponse.success(code).redirectUri(redirectUri).state(state).build();
        OAuth2AccessTokenResponse tokens;
        try {
            tokens = exchanges.get(connector).getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(registration,
                    new OAuth2AuthorizationExchange(request, response)));
        } catch (RuntimeException e) {
            return failed(registration.getClientName(), e);
        }
        return connector.accounts(platform, tokens);
    }

    /** The granted scopes: space-separated (RFC 6749), or comma-separated as TikTok sends them. */
    public static Set<String> granted(OAuth2AccessTokenResponse tokens) {
        return tokens.getAccessToken().getScopes().stream().flatMap(s -> Arrays.stream(s.split("[,\\s]+")))
                .filter(s -> !s.isBlank()).collect(Collectors.toSet());
    }

    /**
     * When the access token expires by the service's clock: Spring stamps {@code expires_in} on the JVM's, and
     * every other expiry SocialSync keeps is on its {@link Clock}. Null when the answer had no {@code expires_in}.
     */
    public static Instant expiresAt(OAuth2AccessTokenResponse tokens, Clock clock) {
        var token = tokens.getAccessToken();
        if (token.getIssuedAt() == null || token.getExpiresAt() == null) {
            return null;
        }
        return clock.instant().plus(Duration.between(token.getIssuedAt(), token.getExpiresAt()));
    }

    /** The scopes of {@code wanted} not in {@code granted}, for a sentence; empty when all were granted. */
    public static String missing(Collection<String> wanted, Set<String> granted) {
        return wanted.stream().filter(s -> !granted.contains(s)).collect(Collectors.joining(", "));
    }

    private static OAuth2AuthorizationRequest.Builder request(ClientRegistration registration, String state) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(registration.getRedirectUri())
                .scopes(registration.getScopes())
                .state(state)
                .attributes(a -> a.put(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId()));
    }

    private static ConnectOutcome failed(String who, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OAuth2AuthorizationException oauth
                    && !"invalid_token_response".equals(oauth.getError().getErrorCode())) {
                return refused(who, oauth.getError());
            }
            if (t instanceof ResourceAccessException || t instanceof HttpServerErrorException) {
                return new ConnectOutcome.Unavailable("no answer from " + who + "'s token endpoint ("
                        + oneLine(t) + "): start the connection again in a moment");
            }
        }
        return new ConnectOutcome.Refused(who + "'s token endpoint gave an answer SocialSync could not use ("
                + oneLine(e) + "): start the connection again");
    }

    private static ConnectOutcome refused(String who, OAuth2Error error) {
        String raw = " (" + who + " said: " + error.getErrorCode()
                + (error.getDescription() == null ? "" : ": " + cut(error.getDescription())) + ")";
        return switch (error.getErrorCode()) {
            case "invalid_grant" -> new ConnectOutcome.Refused(who + " refused the authorization code: it was "
                    + "already used, has expired, or belongs to another sign-in (its PKCE verifier does not match). "
                    + "Start the connection again" + raw);
            case "invalid_client", "unauthorized_client" -> new ConnectOutcome.Refused(who + " refused SocialSync's "
                    + "OAuth client: the operator must check its client id and secret" + raw);
            case "temporarily_unavailable", "server_error" -> new ConnectOutcome.Unavailable(who + " had a "
                    + "temporary problem: start the connection again in a moment" + raw);
            default -> new ConnectOutcome.Refused(who + " refused the code exchange" + raw);
        };
    }

    /**
     * Spring's own token client setup (form out, token response in, RFC 6749 §5.2 errors read), plus a timeout,
     * and an error object in a 200 answer read as an error: TikTok answers so.
     */
    private static RestClient rest(Duration timeout) {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(timeout);
        var tokens = new OAuth2AccessTokenResponseHttpMessageConverter();
        var standard = new DefaultMapOAuth2AccessTokenResponseConverter();
        tokens.setAccessTokenResponseConverter(map -> {
            if (map.get("error") instanceof String error && !error.isBlank()) {
                Object description = map.get("error_description");
                throw new OAuth2AuthorizationException(new OAuth2Error(error,
                        description == null ? null : description.toString(), null));
            }
            return standard.convert(map);
        });
        return RestClient.builder().requestFactory(factory)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(tokens);
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build();
    }

    private static String oneLine(Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return cut(message.replaceAll("\\s+", " "));
    }

    /** A provider's text, bounded: it ends up in a problem's detail. */
    public static String cut(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
