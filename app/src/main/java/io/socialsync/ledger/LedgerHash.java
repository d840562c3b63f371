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
 * previous hash. A JSON array leaves no ambiguity about where one field ends and the next begins. Rows of the
 * striped ledger also hash their place, (chain, seq), so a row moved to another chain or position breaks its hash;
 * rows written before the stripes (chain 0, seq = id) keep the form they were written with.
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

    /** The form of a striped row: its chain and seq first, then the fields of {@link #of(long, Instant, long,
     * String, String, String, String, Long, String, String)}. */
    static String of(int chain, long seq, long id, Instant occurredAt, long workspaceId, String actor,
                     String eventType, String entityType, String entityId, Long jobId, String payload,
                     String prevHash) {
        return sha256(JSON.writeValueAsString(Arrays.asList(chain, seq, id, occurredAt.toString(), workspaceId, actor,
                eventType, entityType, entityId, jobId, payload, prevHash)));
    }

    static String of(int chain, long seq, LedgerEvent e) {
        return of(chain, seq, e.id(), e.occurredAt(), e.workspaceId(), e.actor(), e.eventType(), e.entityType(),
                e.entityId(), e.jobId(), e.payload(), e.prevHash());
    }

    /** Whether a stored row's hash is what its content gives: the striped form, or the pre-stripe one in its place. */
    static boolean matches(int chain, long seq, LedgerEvent e) {
        return of(chain, seq, e).equals(e.hash()) || chain == 0 && seq == e.id() && of(e).equals(e.hash());
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
