package io.socialsync.people;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.socialsync.config.DataDirectory;
import io.socialsync.config.SocialSyncProperties;
import io.socialsync.db.DbTime;
import io.socialsync.secrets.JwtKeySource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Short-lived access tokens: HS256 JWTs (Nimbus, through Spring Security) naming the person ({@code sub}) and
 * the one workspace they act in ({@code workspace_id}). The role is deliberately not in the token: it is read
 * from the membership on every request, so a removed member or a changed role takes effect at once. The key is
 * resolved on first use (secrets/JwtKeySource), so tools that never sign need none.
 */
@Component
public class AccessTokens {
    public static final String ISSUER = "socialsync";
    public static final String WORKSPACE = "workspace_id";
    private final Supplier<SecretKey> key;
    private final AuthProperties settings;
    private final Clock clock;
    private volatile NimbusJwtEncoder encoder;
    private volatile JwtDecoder decoder;

    public AccessTokens(SocialSyncProperties properties, DataDirectory dataDir, DbTime db, AuthProperties settings,
                        Clock clock) {
        this.key = () -> new SecretKeySpec(JwtKeySource.resolve(properties.secretKey(), dataDir.root(),
                !db.postgres()), "HmacSHA256");
        this.settings = settings;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    Issued issue(long userId, Long workspaceId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expires = now.plus(settings.accessTokenTtl());
        var claims = JwtClaimsSet.builder().issuer(ISSUER).subject(Long.toString(userId)).issuedAt(now)
                .expiresAt(expires).id(UUID.randomUUID().toString());
        if (workspaceId != null) {
            claims.claim(WORKSPACE, workspaceId);
        }
        var jwt = encoder().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build()));
        return new Issued(jwt.getTokenValue(), expires);
    }

    /** Verifies signature (HS256 only), issuer and expiry against the service's clock. */
    public JwtDecoder decoder() {
        if (decoder == null) {
            synchronized (this) {
                if (decoder == null) {
                    var nimbus = NimbusJwtDecoder.withSecretKey(key.get()).macAlgorithm(MacAlgorithm.HS256).build();
                    var timestamps = new JwtTimestampValidator();
                    timestamps.setClock(clock);
                    nimbus.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps,
                            new JwtIssuerValidator(ISSUER)));
                    decoder = nimbus;
                }
            }
        }
        return decoder;
    }

    private NimbusJwtEncoder encoder() {
        if (encoder == null) {
            synchronized (this) {
                if (encoder == null) {
                    encoder = new NimbusJwtEncoder(new ImmutableSecret<>(key.get()));
                }
            }
        }
        return encoder;
    }

    /** A JWS compact serialisation starts with a base64url JSON header and has three parts; API keys have one. */
    public static boolean looksLikeJwt(String token) {
        return token.startsWith("eyJ") && token.chars().filter(c -> c == '.').count() == 2;
    }
}
