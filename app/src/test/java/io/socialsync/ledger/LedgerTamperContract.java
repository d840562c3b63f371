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
 * The test's own events all go to one chain ({@link #chain}, where their entity hashes to); positions in it are
 * seqs, rows are named by their ids.
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
    private List<Map<String, Object>> savedHeads;
    long ws;
    int chain;

    @BeforeEach
    void someHistory() {
        ws = workspaces.create("ws-" + UUID.randomUUID()).id();
        chain = ledger.chainOf("test", "t");
        append(5);
        deleteCheckpoints();
        savedRows = jdbc.queryForList("SELECT * FROM ledger_events ORDER BY id");
        savedHeads = jdbc.queryForList("SELECT chain, last_id, last_hash FROM ledger_head ORDER BY chain");
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    @AfterEach
    void restore() {
        jdbc.update("DELETE FROM ledger_events");
        for (var row : savedRows) {
            jdbc.update("INSERT INTO ledger_events (id, occurred_at, workspace_id, actor, event_type, entity_type, "
                            + "entity_id, job_id, payload, prev_hash, hash, mac, chain, seq) "
                            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    row.get("id"), row.get("occurred_at"), row.get("workspace_id"), row.get("actor"),
                    row.get("event_type"), row.get("entity_type"), row.get("entity_id"), row.get("job_id"),
                    row.get("payload"), row.get("prev_hash"), row.get("hash"), row.get("mac"), row.get("chain"),
                    row.get("seq"));
        }
        jdbc.update("DELETE FROM ledger_head");
        for (var head : savedHeads) {
            jdbc.update("INSERT INTO ledger_head (chain, last_id, last_hash) VALUES (?,?,?)", head.get("chain"),
                    head.get("last_id"), head.get("last_hash"));
        }
        deleteCheckpoints();
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    @Test
    void anUntouchedChainVerifies() {
        append(3);
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checked()).isEqualTo(rows()));
    }

    @Test
    void forgeryA_appendARowAndMoveTheHead() {
        long seq = head() + 1;
        long id = jdbc.queryForObject("SELECT MAX(id) FROM ledger_events", Long.class) + 1;
        String prev = hashOf(seq - 1);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String payload = "{\"kind\":\"forged\"}";
        String hash = LedgerHash.of(chain, seq, id, at, ws, "system", "job_completed", "job", "1", null, payload, prev);
        // without the key the attacker can only guess a MAC: here a plausible-looking SHA-256 of the hash
        jdbc.update("INSERT INTO ledger_events (id, occurred_at, workspace_id, actor, event_type, entity_type, "
                        + "entity_id, payload, prev_hash, hash, mac, chain, seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, java.time.OffsetDateTime.parse(at.toString()), ws, "system", "job_completed", "job", "1", payload,
                prev, hash, sha256(hash), chain, seq);
        moveHead(chain, seq, hash);
        assertBrokenAt(id, "MAC");

        jdbc.update("UPDATE ledger_events SET mac = NULL WHERE id = ?", id);
        assertBrokenAt(id, "no MAC");
    }

    @Test
    void forgeryB_editARowAndRecomputeEveryLaterHashAndTheHead() {
        long victim = head() - 3;
        jdbc.update("UPDATE ledger_events SET payload = ? WHERE id = ?", "{\"kind\":\"forged\"}", idAt(victim));
        rehashFrom(victim);
        assertBrokenAt(idAt(victim), "MAC does not match");
    }

    @Test
    void forgeryC_deleteTheLastRowAndMoveTheHeadBack() {
        long last = head();
        long lastId = idAt(last);
        assertThat(checkpoints.write()).get().extracting(LedgerCheckpoints.Checkpoint::events).isEqualTo(rows());
        jdbc.update("DELETE FROM ledger_events WHERE id = ?", lastId);
        moveHead(chain, last - 1, hashOf(last - 1));
        assertBrokenAt(lastId, "no longer in the chain");
        // nor will a later checkpoint vouch for the shortened chain
        assertThat(org.assertj.core.api.Assertions.catchThrowable(checkpoints::write))
                .isInstanceOf(LedgerCheckpoints.Refused.class);
    }

    @Test
    void aCheckpointIsWrittenToStorageAndVerified() {
        long at = rows();
        var written = checkpoints.write().orElseThrow();
        var key = StorageKey.of("ledger/checkpoints/" + String.format("%019d", at) + ".json");
        assertThat(storage.exists(key)).isTrue();
        var json = JsonMapper.builder().build().readTree(read(key));
        assertThat(json.path("events").asLong()).isEqualTo(at);
        var mine = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        json.path("heads").forEach(h -> {
            if (h.path("chain").asInt() == chain) {
                mine.add(h);
            }
        });
        assertThat(mine).singleElement().satisfies(h -> {
            assertThat(h.path("seq").asLong()).isEqualTo(head());
            assertThat(h.path("id").asLong()).isEqualTo(idAt(head()));
            assertThat(h.path("hash").asString()).isEqualTo(hashOf(head()));
        });
        assertThat(written.heads()).hasSize(json.path("heads").size());
        assertThat(json.path("mac").asString()).hasSize(64);
        assertThat(checkpoints.write()).contains(written); // no head has moved: nothing new to sign

        append(2);
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checkpoint()).isEqualTo(at));
        assertThat(checkpoints.write()).get().extracting(LedgerCheckpoints.Checkpoint::events).isEqualTo(at + 2);
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checkpoint()).isEqualTo(at + 2));
    }

    @Test
    void aCheckpointNoLongerMatchedByTheChainFails() {
        // a copy of the rows as they were (every MAC genuine), put back after a checkpoint covered later rows;
        // the application then appends past the checkpoint again: each row verifies, the checkpointed one differs
        long rolledBackTo = head();
        String hashThen = hashOf(rolledBackTo);
        append(2);
        checkpoints.write().orElseThrow();
        long anchored = idAt(head());
        jdbc.update("DELETE FROM ledger_events WHERE chain = ? AND seq > ?", chain, rolledBackTo);
        moveHead(chain, rolledBackTo, hashThen);
        append(3);
        assertBrokenAt(anchored, "no longer has the hash the checkpoint");

        // an edited row before the checkpoint, every later hash recomputed: caught too
        restore();
        append(1);
        checkpoints.write();
        long edited = head() - 2;
        jdbc.update("UPDATE ledger_events SET payload = ? WHERE id = ?", "{\"kind\":\"forged\"}", idAt(edited));
        rehashFrom(edited);
        assertBrokenAt(idAt(edited), "MAC does not match");
    }

    @Test
    void aCheckpointNotSignedWithTheLedgerKeyFails() {
        checkpoints.write();
        long id = rows();
        byte[] body = ("{\"events\":" + id + ",\"heads\":[{\"chain\":" + chain + ",\"seq\":" + head() + ",\"id\":"
                + idAt(head()) + ",\"hash\":\"" + hashOf(head()) + "\"}],\"at\":\"2026-01-01T00:00:00Z\","
                + "\"mac\":\"" + "0".repeat(64) + "\"}").getBytes(StandardCharsets.UTF_8);
        storage.put(StorageKey.of("ledger/checkpoints/" + String.format("%019d", id) + ".json"),
                new ByteArrayInputStream(body), body.length, "application/json");
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Broken.class,
                b -> assertThat(b.reason()).contains("not signed with the ledger key"));
    }

    @Test
    void aDeletedCheckpointIsCaughtByTheOneAfterIt() {
        var keys = new java.util.ArrayList<StorageKey>();
        for (int i = 0; i < 3; i++) {
            append(1);
            keys.add(LedgerCheckpoints.Checkpoint.key(checkpoints.write().orElseThrow().events()));
        }
        String middle = read(keys.get(1));
        String oldest = read(keys.getFirst());
        assertThat(checkpoints.chained().orElseThrow().prev()).as("the newest names the one before it")
                .isEqualTo(JsonMapper.builder().build().readTree(middle).path("mac").asString());

        storage.delete(keys.get(1));
        assertBrokenWith("follows a checkpoint that is no longer in storage");
        put(keys.get(1), middle);
        storage.delete(keys.getFirst());
        assertBrokenWith("follows a checkpoint that is no longer in storage");
        put(keys.getFirst(), oldest);
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);

        // the newest is named by none: without it the history is one checkpoint shorter, which verifies (documented)
        storage.delete(keys.getLast());
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checkpoint()).isEqualTo(rows() - 1));
    }

    private void put(StorageKey key, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        storage.put(key, new ByteArrayInputStream(bytes), bytes.length, "application/json");
    }

    @Test
    void rowsOlderThanMacsAreSealedOnceOnTrustAndNeverAgain() {
        jdbc.update("UPDATE ledger_events SET mac = NULL"); // the ledger as the upgrade finds it
        deleteLedgerObjects(); // a version without MACs wrote nothing to storage
        assertBrokenWith("no MAC");
        long before = rows();
        sealing.afterPropertiesSet();
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checkpoint()).isEqualTo(before + 1));
        assertThat(jdbc.queryForObject("SELECT event_type FROM ledger_events WHERE id = (SELECT MAX(id) FROM "
                + "ledger_events)", String.class)).isEqualTo("ledger_sealed");

        // clearing the MACs again to get forged rows sealed: refused, because a checkpoint exists
        jdbc.update("UPDATE ledger_events SET mac = NULL");
        jdbc.update("UPDATE ledger_events SET payload = ? WHERE id = ?", "{\"kind\":\"forged\"}", idAt(2));
        rehashFrom(2);
        jdbc.update("UPDATE ledger_events SET mac = NULL");
        sealing.afterPropertiesSet();
        assertBrokenWith("no MAC");
    }

    @Test
    void rowsThatAlwaysHadMacsAreNeverSealedOnTrustEvenBeforeTheFirstCheckpoint() {
        // an install born with MACs, stopped (kill -9) before any checkpoint was written: this start finds the chain
        // intact and sealed, with nothing in storage yet
        sealing.afterPropertiesSet();
        assertThat(checkpoints.latest()).isEmpty();

        // the attacker rewrites row 2, recomputes every later hash and clears every MAC: it must not pass for a
        // ledger that predates MACs at the next start
        jdbc.update("UPDATE ledger_events SET payload = ? WHERE id = ?", "{\"kind\":\"forged\"}", idAt(2));
        rehashFrom(2);
        jdbc.update("UPDATE ledger_events SET mac = NULL");
        sealing.afterPropertiesSet();
        assertBrokenWith("no MAC");
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
            List<Head> heads() {
                return super.heads().stream().map(h -> h.chain() == chain ? new Head(chain, stale, staleHash) : h)
                        .toList();
            }
        }, ledgerKey, storage, java.time.Clock.systemUTC());
        assertThat(slowNode.write()).contains(later);
    }

    // --- across chains

    /** Another chain than the test's, with at least one row (the workspace's creation put some elsewhere). */
    private int otherChain() {
        appendOn("other", chain);
        return jdbc.queryForObject("SELECT MIN(chain) FROM ledger_events WHERE chain <> ?", Integer.class, chain);
    }

    /** Appends one event whose entity hashes to a chain other than {@code not}. */
    private void appendOn(String prefix, int not) {
        for (int i = 0; ; i++) {
            String entity = prefix + i;
            if (ledger.chainOf("test", entity) != not) {
                tx.executeWithoutResult(s -> ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM,
                        EventType.LEDGER_SEALED, "test", entity, null, Map.of())));
                return;
            }
        }
    }

    @Test
    void eventsOfDifferentEntitiesSpreadOverChainsAndAllVerify() {
        for (int i = 0; i < 20; i++) {
            int k = i;
            tx.executeWithoutResult(s -> ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.LEDGER_SEALED,
                    "test", "spread" + k, null, Map.of())));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT chain) FROM ledger_events", Integer.class))
                .isGreaterThan(3);
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Intact.class,
                ok -> assertThat(ok.checked()).isEqualTo(rows()));
    }

    @Test
    void aTransactionStaysOnOneChainSoItNeverWaitsForASecondHead() {
        tx.executeWithoutResult(s -> {
            ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.LEDGER_SEALED, "test", "t", null, Map.of()));
            for (int i = 0; i < 10; i++) {
                ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM, EventType.LEDGER_SEALED, "test", "x" + i, null,
                        Map.of()));
            }
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_events WHERE chain = ? AND entity_id LIKE 'x%'",
                Long.class, chain)).isEqualTo(10);
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);
    }

    @Test
    void aRowMovedToTheEndOfAnotherChainIsCaught() {
        int other = otherChain();
        long last = head();
        long id = idAt(last);
        // moved with its place rewritten and its chain link made to fit: the hash covers (chain, seq)
        jdbc.update("UPDATE ledger_events SET chain = ?, seq = ?, prev_hash = ? WHERE id = ?", other, head(other) + 1,
                hashOf(other, head(other)), id);
        moveHead(other, head(other) + 1, hashOf(other, head(other) + 1));
        moveHead(chain, last - 1, hashOf(last - 1));
        assertBrokenAt(id, "moved to another chain");

        // and with every hash recomputed as the ledger would: the MAC no longer matches
        var row = jdbc.query("SELECT * FROM ledger_events WHERE id = ?", (rs, n) -> LedgerEvents.map(rs), id).getFirst();
        String hash = LedgerHash.of(other, head(other), id, row.occurredAt(), row.workspaceId(), row.actor(), row.eventType(),
                row.entityType(), row.entityId(), row.jobId(), row.payload(), row.prevHash());
        jdbc.update("UPDATE ledger_events SET hash = ? WHERE id = ?", hash, id);
        moveHead(other, head(other), hash);
        assertBrokenAt(id, "MAC does not match");
    }

    @Test
    void rowsSwappedBetweenChainsAreCaught() {
        int other = otherChain();
        long mine = idAt(head());
        long theirs = jdbc.queryForObject("SELECT id FROM ledger_events WHERE chain = ? AND seq = ?", Long.class,
                other, head(other));
        jdbc.update("UPDATE ledger_events SET chain = -1 WHERE id = ?", mine); // through a free place: (chain, seq)
        jdbc.update("UPDATE ledger_events SET chain = ?, seq = ? WHERE id = ?", chain, head(), theirs);
        jdbc.update("UPDATE ledger_events SET chain = ?, seq = ? WHERE id = ?", other, head(other), mine);
        assertBrokenWith("prev_hash does not match");
    }

    @Test
    void aChainEmptiedWithItsHeadResetIsCaughtByTheCheckpoint() {
        long lastId = idAt(head());
        checkpoints.write().orElseThrow();
        jdbc.update("DELETE FROM ledger_events WHERE chain = ?", chain);
        moveHead(chain, 0, LedgerHash.GENESIS);
        assertBrokenAt(lastId, "no longer in the chain");
    }

    @Test
    void aChainWhoseHeadRowWasDeletedIsCaught() {
        jdbc.update("DELETE FROM ledger_head WHERE chain = ?", chain);
        assertBrokenWith("chain " + chain + " has no head");
    }

    @Test
    void rowsWrittenBeforeTheStripesVerifyInTheirOwnFormButOnlyInTheirOwnPlace() {
        // a row as the unstriped ledger wrote it: chain 0, seq = id, the hash without (chain, seq)
        jdbc.update("DELETE FROM ledger_events");
        jdbc.update("UPDATE ledger_head SET last_id = 0, last_hash = ?", LedgerHash.GENESIS);
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        String hash = LedgerHash.of(1, at, ws, "system", "job_completed", "job", "1", null, "{}", LedgerHash.GENESIS);
        jdbc.update("INSERT INTO ledger_events (id, occurred_at, workspace_id, actor, event_type, entity_type, "
                        + "entity_id, payload, prev_hash, hash, mac, chain, seq) VALUES (1,?,?,?,?,?,?,?,?,?,?,0,1)",
                java.time.OffsetDateTime.parse(at.toString()), ws, "system", "job_completed", "job", "1", "{}",
                LedgerHash.GENESIS, hash, ledgerKey.mac(hash));
        moveHead(0, 1, hash);
        assertThat(verifier.verify()).isInstanceOf(LedgerVerifier.Result.Intact.class);

        // the same genuine row moved to another chain: the old form is accepted only at chain 0, seq = id
        jdbc.update("UPDATE ledger_events SET chain = 1 WHERE id = 1");
        moveHead(0, 0, LedgerHash.GENESIS);
        moveHead(1, 1, hash);
        assertBrokenAt(1, "moved to another chain");
    }

    // --- the attacker's tools

    /** Recomputes the hash of every row of the test's chain from seq {@code from} on and moves its head. */
    private void rehashFrom(long from) {
        String prev = hashOf(from - 1);
        long seq = from;
        for (var stored : jdbc.query("SELECT * FROM ledger_events WHERE chain = ? AND seq >= ? ORDER BY seq",
                (rs, n) -> LedgerEvents.map(rs), chain, from)) {
            String hash = LedgerHash.of(chain, seq++, stored.id(), stored.occurredAt(), stored.workspaceId(),
                    stored.actor(), stored.eventType(), stored.entityType(), stored.entityId(), stored.jobId(),
                    stored.payload(), prev);
            jdbc.update("UPDATE ledger_events SET prev_hash = ?, hash = ? WHERE id = ?", prev, hash, stored.id());
            prev = hash;
        }
        jdbc.update("UPDATE ledger_head SET last_hash = ? WHERE chain = ?", prev, chain);
    }

    private void moveHead(int c, long seq, String hash) {
        jdbc.update("UPDATE ledger_head SET last_id = ?, last_hash = ? WHERE chain = ?", seq, hash, c);
    }

    private void assertBrokenAt(long id, String reason) {
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Broken.class, b -> {
            assertThat(b.reason()).contains(reason);
            assertThat(b.id()).isEqualTo(id);
        });
    }

    private void assertBrokenWith(String reason) {
        assertThat(verifier.verify()).isInstanceOfSatisfying(LedgerVerifier.Result.Broken.class,
                b -> assertThat(b.reason()).contains(reason));
    }

    private void append(int n) {
        for (int i = 0; i < n; i++) {
            int k = i;
            tx.executeWithoutResult(s -> ledger.append(new LedgerEvent.New(ws, Actor.SYSTEM,
                    EventType.LEDGER_SEALED, "test", "t", null, Map.of("n", k))));
        }
    }

    /** The seq of the test chain's last row. */
    private long head() {
        return head(chain);
    }

    private long head(int c) {
        return jdbc.queryForObject("SELECT last_id FROM ledger_head WHERE chain = ?", Long.class, c);
    }

    private long rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ledger_events", Long.class);
    }

    private long idAt(long seq) {
        return jdbc.queryForObject("SELECT id FROM ledger_events WHERE chain = ? AND seq = ?", Long.class, chain, seq);
    }

    private String hashOf(long seq) {
        return hashOf(chain, seq);
    }

    private String hashOf(int c, long seq) {
        return seq == 0 ? LedgerHash.GENESIS
                : jdbc.queryForObject("SELECT hash FROM ledger_events WHERE chain = ? AND seq = ?", String.class, c, seq);
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
