package io.socialsync.people;

import io.socialsync.web.AuthThrottle;
import io.socialsync.web.HttpEdgeProperties;
import org.springframework.stereotype.Component;

/**
 * Failed logins counted per account (its address key: unknown addresses count too, so probing them is throttled
 * alike) and per client address, in Bucket4j buckets. Per node, like the API-key throttle.
 */
@Component
class LoginThrottle {
    private final AuthThrottle accounts;
    private final AuthThrottle addresses;

    LoginThrottle(AuthProperties settings) {
        this.accounts = new AuthThrottle(new HttpEdgeProperties.AuthThrottling(settings.loginMaxFailuresPerAccount(),
                settings.loginWindow(), 100_000));
        this.addresses = new AuthThrottle(new HttpEdgeProperties.AuthThrottling(settings.loginMaxFailuresPerAddress(),
                settings.loginWindow(), 100_000));
    }

    void check(String emailKey, String address) {
        long wait = Math.max(accounts.secondsBlockedFor(emailKey), address == null ? 0 : addresses.secondsBlocked(address));
        if (wait > 0) {
            throw AuthRefused.throttled(wait);
        }
    }

    void failed(String emailKey, String address) {
        accounts.failedFor(emailKey);
        if (address != null) {
            addresses.failed(address);
        }
    }
}
