package io.socialsync.people;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code socialsync.auth.*}. {@code openRegistration}: anyone may create an account
 * (POST /auth/register); off, people join by invitation or the CLI. Login failures are counted per account and per
 * client address over {@code loginWindow}; past either limit the login answers 429 without checking the password.
 * {@code mailFrom}: the sender of invitation and reset mails (sent only when spring.mail.host is set).
 */
@ConfigurationProperties("socialsync.auth")
public record AuthProperties(@DefaultValue("false") boolean openRegistration,
                             @DefaultValue("15m") Duration accessTokenTtl,
                             @DefaultValue("30d") Duration refreshTokenTtl,
                             @DefaultValue("7d") Duration invitationTtl,
                             @DefaultValue("1h") Duration passwordResetTtl,
                             @DefaultValue("10") int loginMaxFailuresPerAccount,
                             @DefaultValue("50") int loginMaxFailuresPerAddress,
                             @DefaultValue("15m") Duration loginWindow,
                             @DefaultValue("socialsync@localhost") String mailFrom) {
}
