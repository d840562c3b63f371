package io.socialsync.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.storage.StoredObject;
import io.socialsync.workspace.Workspaces;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An attacker who can write the database but lacks the ledger key, which lives outside it: every forgery done
 * with raw SQL, hashes recomputed exactly as the ledger computes them. Each test restores the rows it touched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "socialsync.roles.workers=false", "socialsync.roles.scheduler=false"})
abstract class LedgerTamperContract {
    @Autowired Ledger ledger;
    @Autowired LedgerVerifier verifier;
    @Autowired LedgerCheckpoints checkpoints;
    @Autowired LedgerSealing sealing;
    @Autowired Workspaces workspaces;
    @Autowired Storage storage;
    @Autowired JdbcTemplate jdbc;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbcClient;
    @Autowired LedgerKey ledgerKey;
    @Autowired TransactionTemplate tx;
    private List<Map<String, Object>> savedRows;
    private Map<String, Object> savedHead;
    long ws;

    @BeforeEach
    void someHistory() {
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        append(5);
        deleteCheckpoints();
        savedRows = jdbc.queryForList("SELECT * FROM ledger_events ORDER BY id");
        savedHead = jdbc.queryForMap("SELECT last_id, last_hash FROM ledger_head WHERE chain = 0");
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    @AfterEach
    void restore() {
        jdbc.update("DELETE FROM ledger_events");
        for (var row : savedRows) {
            jdbc.update("INSERT INTO ledger_events (id, occurred_at, workspace_id, actor, event_type, entity_type, "
                            + "entity_id, job_id, payload, prev_hash, hash, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    row.get("id"), row.get("occurred_at"), row.get("workspace_id"), row.get("actor"),
                    row.get("event_type"), row.get("entity_type"), row.get("entity_id"), row.get("job_id"),
                    row.get("payload"), row.get("prev_hash"), row.get("hash"), row.get("mac"));
        }
        jdbc.update("UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE chain = 0", savedHead.get("last_id"),
                savedHead.get("last_hash"));
        deleteCheckpoints();
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    @Test
    void anUntouchedChainVerifies() {
        append(3);
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checked()).isEqualTo(head()));
    }

    @Test
    void forgeryA_appendARowAndMoveTheHead() {
        long id = head() + 1;
        String prev = hashOf(id - 1);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String payload = "{\"kind\":\"forged\"}";
        String hash = LedgerHash.of(id, at, ws, "system", "job_completed", "job", "1", null, payload, prev);
        // without the key the attacker can only guess a MAC: here a plausible-looking SHA-256 of the hash
        jdbc.update("INSERT INTO ledger_events (id, occurred_at, workspace_id, actor, event_type, entity_type, "
                        + "entity_id, payload, prev_hash, hash, mac) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                id, java.time.OffsetDateTime.parse(at.toString()), ws, "system", "job_completed", "job", "1", payload,
                prev, hash, sha256(hash));
        jdbc.update("UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE chain = 0", id, hash);
        assertBrokenAt(id, "MAC");

        jdbc.update("UPDATE ledger_events SET mac = NULL WHERE id = ?", id);
        assertBrokenAt(id, "no MAC");
    }

    @Test
    void forgeryB_editARowAndRecomputeEveryLaterHashAndTheHead() {
        long victim = head() - 3;
        jdbc.update("UPDATE ledger_events SET payload = ? WHERE id = ?", "{\"kind\":\"forged\"}", victim);
        rehashFrom(victim);
        assertBrokenAt(victim, "MAC does not match");
    }

    @Test
    void forgeryC_deleteTheLastRowAndMoveTheHeadBack() {
        long last = head();
        assertThat(checkpoints.write()).get().extracting(LedgerCheckpoints.Checkpoint::headId).isEqualTo(last);
        jdbc.update("DELETE FROM ledger_events WHERE id = ?", last);
        jdbc.update("UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE chain = 0", last - 1, hashOf(last - 1));
        assertBrokenAt(last, "no longer in the chain");
        // nor will a later checkpoint vouch for the shortened chain
        assertThat(org.assertj.core.api.Assertions.catchThrowable(checkpoints::write))
                .isInstanceOf(LedgerCheckpoints.Refused.class);
    }

    @Test
    void aCheckpointIsWrittenToStorageAndVerified() {
        long at = head();
        var written = checkpoints.write().orElseThrow();
        var key = StorageKey.of("ledger/checkpoints/" + String.format("%019d", at) + ".json");
        assertThat(storage.exists(key)).isTrue();
        var json = JsonMapper.builder().build().readTree(read(key));
        assertThat(json.path("head_id").asLong()).isEqualTo(at);
        assertThat(json.path("head_hash").asString()).isEqualTo(hashOf(at)).isEqualTo(written.headHash());
        assertThat(json.path("mac").asString()).hasSize(64);
        assertThat(checkpoints.write()).contains(written); // the head has not moved: nothing new to sign

        append(2);
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checkpoint()).isEqualTo(at));
        assertThat(checkpoints.write()).get().extracting(LedgerCheckpoints.Checkpoint::headId).isEqualTo(at + 2);
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checkpoint()).isEqualTo(at + 2));
    }

    @Test
    void aCheckpointNoLongerMatchedByTheChainFails() {
        // a copy of the rows as they were (every MAC genuine), put back after a checkpoint covered later rows;
        // the application then appends past the checkpoint again: each row verifies, the checkpointed one differs
        long rolledBackTo = head();
        var copy = jdbc.queryForList("SELECT * FROM ledger_events WHERE id <= ? ORDER BY id", rolledBackTo);
        append(2);
        long anchored = checkpoints.write().orElseThrow().headId();
        jdbc.update("DELETE FROM ledger_events WHERE id > ?", rolledBackTo);
        jdbc.update("UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE chain = 0", rolledBackTo,
                copy.getLast().get("hash"));
        append(3);
        assertBrokenAt(anchored, "no longer has the hash the checkpoint");

        // an edited row before the checkpoint, every later hash recomputed: caught too
        restore();
        append(1);
        checkpoints.write();
        long edited = head() - 2;
        jdbc.update("UPDATE ledger_events SET payload = ? WHERE id = ?", "{\"kind\":\"forged\"}", edited);
        rehashFrom(edited);
        assertBrokenAt(edited, "MAC does not match");
    }

    @Test
    void aCheckpointNotSignedWithTheLedgerKeyFails() {
        checkpoints.write();
        long id = head();
        byte[] body = ("{\"head_id\":" + id + ",\"head_hash\":\"" + hashOf(id) + "\",\"at\":\"2026-01-01T00:00:00Z\","
                + "\"mac\":\"" + "0".repeat(64) + "\"}").getBytes(StandardCharsets.UTF_8);
        storage.put(StorageKey.of("ledger/checkpoints/" + String.format("%019d", id) + ".json"),
                new ByteArrayInputStream(body), body.length, "application/json");
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Broken.class,
                b -> assertThat(b.reason()).contains("not signed with the ledger key"));
    }

    @Test
    void rowsOlderThanMacsAreSealedOnceOnTrustAndNeverAgain() {
        jdbc.update("UPDATE ledger_events SET mac = NULL"); // the ledger as the upgrade finds it
        deleteLedgerObjects(); // a version without MACs wrote nothing to storage
        assertBrokenAt(1, "no MAC");
        long before = head();
        sealing.afterPropertiesSet();
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checkpoint()).isEqualTo(before + 1));
        assertThat(jdbc.queryForObject("SELECT event_type FROM ledger_events WHERE id = ?", String.class, before + 1))
                .isEqualTo("ledger_sealed");

        // clearing the MACs again to get forged rows sealed: refused, because a checkpoint exists
        jdbc.update("UPDATE ledger_events SET mac = NULL");
        jdbc.update("UPDATE ledger_events SET payload = ? WHERE id = 2", "{\"kind\":\"forged\"}");
        rehashFrom(2);
        jdbc.update("UPDATE ledger_events SET mac = NULL");
        sealing.afterPropertiesSet();
        assertBrokenAt(1, "no MAC");
    }

    @Test
    void rowsThatAlwaysHadMacsAreNeverSealedOnTrustEvenBeforeTheFirstCheckpoint() {
        // an install born with MACs, stopped (kill -9) before any checkpoint was written: this start finds the chain
        // intact and sealed, with nothing in storage yet
        sealing.afterPropertiesSet();
        assertThat(checkpoints.latest()).isEmpty();

        // the attacker rewrites row 2, recomputes every later hash and clears every MAC: it must not pass for a
        // ledger that predates MACs at the next start
        jdbc.update("UPDATE ledger_events SET payload = ? WHERE id = 2", "{\"kind\":\"forged\"}");
        rehashFrom(2);
        jdbc.update("UPDATE ledger_events SET mac = NULL");
        sealing.afterPropertiesSet();
        assertBrokenAt(1, "no MAC");
    }

    @Test
    void aCheckpointAnotherNodeWroteForALaterHeadMeanwhileIsNoTampering() {
        // this node read the head, then another one appended and signed the longer chain before this one listed
        // the checkpoints: the chain was not cut, so no refusal (and no "ledger BROKEN" from `ledger checkpoint`)
        long stale = head();
        String staleHash = hashOf(stale);
        append(2);
        var later = checkpoints.write().orElseThrow();
        var slowNode = new LedgerCheckpoints(new LedgerEvents(jdbcClient, jdbc) {
            @Override
            Head head() {
                return new Head(stale, staleHash);
            }
        }, ledgerKey, storage, java.time.Clock.systemUTC());
        assertThat(slowNode.write()).contains(later);
    }

    // --- the attacker's tools

    /** Recomputes the hash of every row from {@code from} on and moves the head, as the ledger would. */
    private void rehashFrom(long from) {
        String prev = hashOf(from - 1);
        for (var stored : jdbc.query("SELECT * FROM ledger_events WHERE id >= ? ORDER BY id",
                (rs, n) -> LedgerEvents.map(rs), from)) {
            String hash = LedgerHash.of(stored.id(), stored.occurredAt(), stored.workspaceId(), stored.actor(),
                    stored.eventType(), stored.entityType(), stored.entityId(), stored.jobId(), stored.payload(), prev);
            jdbc.update("UPDATE ledger_events SET prev_hash = ?, hash = ? WHERE id = ?", prev, hash, stored.id());
            prev = hash;
        }
        jdbc.update("UPDATE ledger_head SET last_hash = ? WHERE chain = 0", prev);
    }

    private void assertBrokenAt(long id, String reason) {
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Broken.class, b -> {
            assertThat(b.reason()).contains(reason);
            assertThat(b.id()).isEqualTo(id);
        });
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            int k = i;
            tx.executeWithoutResult(s -> ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM,
                    EventType.LEDGER_SEALED, "test", "t", null, Map.of("n", k))));
        }
    }

    private long head() {
        return jdbc.queryForObject("SELECT last_id FROM ledger_head WHERE chain = 0", Long.class);
    }

    private String hashOf(long id) {
        return id == 0 ? LedgerHash.GENESIS
                : jdbc.queryForObject("SELECT hash FROM ledger_events WHERE id = ?", String.class, id);
    }

    private void deleteCheckpoints() {
        try (var listing = storage.list(LedgerCheckpoints.PREFIX)) {
            listing.map(StoredObject::key).toList().forEach(storage::delete);
        }
    }

    private void deleteLedgerObjects() {
        try (var listing = storage.list("ledger/")) {
            listing.map(StoredObject::key).toList().forEach(storage::delete);
        }
    }

    private String read(StorageKey key) {
        try (var in = storage.open(key)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
