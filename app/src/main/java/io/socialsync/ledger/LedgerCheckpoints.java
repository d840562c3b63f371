package io.socialsync.ledger;

import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of the head, kept in storage and never in the database: {@code ledger/checkpoints/<head id,
 * 19 digits>.json} holding {head_id, head_hash, at, mac}. Rows MACed with a key the attacker lacks cannot be forged,
 * but they can be deleted from the end; a checkpoint pins how long the chain was, so that shows as soon as one
 * covers the deleted rows. Deleting rows after the last checkpoint is not detectable (docs/ARCHITECTURE.md).
 */
@Component
public class LedgerCheckpoints {
    static final String PREFIX = "ledger/checkpoints/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LedgerEvents events;
    private final LedgerKey key;
    private final Storage storage;
    private final Clock clock;

    public LedgerCheckpoints(LedgerEvents events, LedgerKey key, Storage storage, Clock clock) {
        this.events = events;
        this.key = key;
        this.storage = storage;
        this.clock = clock;
    }

    public record Checkpoint(long headId, String headHash, Instant at, String mac) {
        static String message(long headId, String headHash, Instant at) {
            return "checkpoint:" + headId + ":" + headHash + ":" + at;
        }

        static StorageKey key(long headId) {
            return StorageKey.of(PREFIX + String.format("%019d", headId) + ".json");
        }
    }

    /** A checkpoint in storage that this key did not sign, or that cannot be read as one. */
    public static final class Forged extends RuntimeException {
        Forged(String message) {
            super(message);
        }
    }

    /** A head that must not be anchored: it contradicts its own row or an earlier checkpoint. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Signs the current head, unless the latest checkpoint already has it. The head is checked first (its row's
     * hash and MAC, and that the chain still holds the latest checkpoint's event unchanged): a checkpoint must
     * never vouch for a chain someone cut back since the last one.
     *
     * @return the latest checkpoint after this call; empty while the ledger is empty
     */
    public Optional<Checkpoint> write() {
        var head = events.head();
        if (head.lastId() == 0) {
            return Optional.empty();
        }
        var row = events.byId(head.lastId());
        if (row.isEmpty() || !row.get().event().hash().equals(head.lastHash())
                || !key.verifies(head.lastHash(), row.get().mac())) {
            throw new Refused("the head (event " + head.lastId() + ") does not match a row with a valid MAC");
        }
        var previous = latest();
        if (previous.isPresent()) {
            var p = previous.get();
            if (p.headId() == head.lastId()) {
                return previous;
            }
            // the chain must still hold p's event unchanged; p may also be past the head read above, written by
            // another node that appended meanwhile: then it is already the latest, not a sign of a cut chain
            String problem = mismatch(p, events.byId(p.headId()).map(s -> s.event().hash()));
            if (problem != null) {
                throw new Refused(problem);
            }
            if (p.headId() > head.lastId()) {
                return previous;
            }
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var checkpoint = new Checkpoint(head.lastId(), head.lastHash(), at,
                key.mac(Checkpoint.message(head.lastId(), head.lastHash(), at)));
        var body = new LinkedHashMap<String, Object>();
        body.put("head_id", checkpoint.headId());
        body.put("head_hash", checkpoint.headHash());
        body.put("at", at.toString());
        body.put("mac", checkpoint.mac());
        byte[] bytes = JSON.writeValueAsBytes(body);
        storage.put(Checkpoint.key(checkpoint.headId()), new ByteArrayInputStream(bytes), bytes.length,
                "application/json");
        return Optional.of(checkpoint);
    }

    /** The checkpoint with the highest head id, its MAC checked. @throws Forged if it does not verify */
    public Optional<Checkpoint> latest() {
        Optional<StorageKey> last;
        try (var listing = storage.list(PREFIX)) {
            last = listing.map(StoredObject::key).filter(k -> k.name().endsWith(".json")).reduce((a, b) -> b);
        }
        return last.map(this::read);
    }

    /** Why the chain no longer holds what {@code checkpoint} recorded ({@code hashNow}: its event's hash now). */
    static String mismatch(Checkpoint checkpoint, Optional<String> hashNow) {
        if (hashNow.isEmpty()) {
            return "the checkpoint of " + checkpoint.at() + " records event " + checkpoint.headId()
                    + ", which is no longer in the chain (rows deleted from its end)";
        }
        if (!hashNow.get().equals(checkpoint.headHash())) {
            return "event " + checkpoint.headId() + " no longer has the hash the checkpoint of " + checkpoint.at()
                    + " recorded (the chain up to it was rewritten)";
        }
        return null;
    }

    private Checkpoint read(StorageKey storageKey) {
        String text;
        try (InputStream in = storage.open(storageKey)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + storageKey.name(), e); // not tampering
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new Forged("checkpoint " + storageKey.name() + " is not JSON");
        }
        long headId = node.path("head_id").asLong(-1);
        String headHash = node.path("head_hash").asString("");
        String at = node.path("at").asString("");
        String mac = node.path("mac").asString("");
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (RuntimeException e) {
            throw new Forged("checkpoint " + storageKey.name() + " has no valid time");
        }
        if (!storageKey.equals(Checkpoint.key(Math.max(headId, 0)))
                || !key.verifies(Checkpoint.message(headId, headHash, instant), mac)) {
            throw new Forged("checkpoint " + storageKey.name() + " was not signed with the ledger key");
        }
        return new Checkpoint(headId, headHash, instant, mac);
    }
}
