package io.socialsync.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * SHA-256 over a canonical form of a row: a JSON array of its fields in a fixed order, ending with the
 * previous hash. A JSON array leaves no ambiguity about where one field ends and the next begins.
 */
final class LedgerHash {
    static final String GENESIS = "0".repeat(64);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private LedgerHash() {
    }

    static String of(long id, Instant occurredAt, long workspaceId, String actor, String eventType,
                     String entityType, String entityId, Long jobId, String payload, String prevHash) {
        String canonical = JSON.writeValueAsString(Arrays.asList(
                id, occurredAt.toString(), workspaceId, actor, eventType, entityType, entityId, jobId, payload,
                prevHash));
        return sha256(canonical);
    }

    static String of(LedgerEvent e) {
        return of(e.id(), e.occurredAt(), e.workspaceId(), e.actor(), e.eventType(), e.entityType(),
                e.entityId(), e.jobId(), e.payload(), e.prevHash());
    }

    private static String sha256(String s) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
