package io.socialsync.auth;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** A credential that is well formed but refused, with a sentence the caller can act on. */
final class CredentialRefused extends InvalidBearerTokenException {
    CredentialRefused(String description) {
        super(description);
    }
}
