package io.socialsync.accounts.tokens;

import org.springframework.test.context.DynamicPropertyRegistry;

/** OAuth clients of all three platforms, their token endpoints on one WireMock server at {@code base}. */
final class TokenClients {
    private TokenClients() {
    }

    static void register(DynamicPropertyRegistry registry, String base, String googleTokenPath) {
        registry.add("socialsync.tokens.google.client-id", () -> "google-client");
        registry.add("socialsync.tokens.google.client-secret", () -> "google-secret");
        registry.add("socialsync.tokens.google.token-url", () -> base + googleTokenPath);
        registry.add("socialsync.tokens.tiktok.client-key", () -> "tiktok-key");
        registry.add("socialsync.tokens.tiktok.client-secret", () -> "tiktok-secret");
        registry.add("socialsync.tokens.tiktok.token-url", () -> base + "/v2/oauth/token/");
        registry.add("socialsync.tokens.meta.app-id", () -> "meta-app");
        registry.add("socialsync.tokens.meta.app-secret", () -> "meta-secret");
        registry.add("socialsync.tokens.meta.base-url", () -> base + "/v26.0");
    }
}
