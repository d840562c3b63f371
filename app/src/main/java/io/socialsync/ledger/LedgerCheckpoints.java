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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed checkpoints of every chain's head at once, kept in storage and never in the database:
 * {@code ledger/checkpoints/<events, 19 digits>.json} holding {events, heads: [{chain, seq, id, hash}], at, prev, mac},
 * where events is how many events the heads cover (the sum of their seqs, which only grows), prev is the MAC of the
 * checkpoint that was the latest when this one was written ("" for the first) and the MAC covers all of it.
 * One MAC over all the heads joins the chains: none can be cut back or emptied alone once a checkpoint covers it.
 * Rows MACed with a key the attacker lacks cannot be forged, but they can be deleted from a chain's end; a
 * checkpoint pins how long each chain was, so that shows as soon as one covers the deleted rows. Deleting rows after
 * the last checkpoint is not detectable (docs/ARCHITECTURE.md). The prev links show a checkpoint deleted or replaced
 * ({@link #chained}): every one but the newest is named by a later one. Removing the newest leaves a consistent
 * history one checkpoint shorter (a rollback, which only a copy outside storage and database could reveal).
 * Checkpoints written before the links (no prev) or before the stripes ({head_id, head_hash}, read as one head of
 * chain 0) still verify, but nothing names them except the first linked one.
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

    /** A chain's last event as a checkpoint recorded it. */
    public record StripeHead(int chain, long seq, long id, String hash) {
    }

    /**
     * @param events how many events the heads cover (the sum of their seqs)
     * @param prev the MAC of the latest checkpoint when this one was written, "" if there was none, null in a
     *             checkpoint written before the links
     */
    public record Checkpoint(long events, List<StripeHead> heads, Instant at, String prev, String mac) {
        static String message(long events, List<StripeHead> heads, Instant at, String prev) {
            if (prev != null) {
                return "checkpoint3:" + body(events, heads) + ":" + at + ":" + prev;
            }
            if (heads.size() == 1 && heads.getFirst().chain() == 0 && heads.getFirst().id() == heads.getFirst().seq()
                    && heads.getFirst().seq() == events) {
                return "checkpoint:" + events + ":" + heads.getFirst().hash() + ":" + at; // the pre-stripe form
            }
            return "checkpoint2:" + body(events, heads) + ":" + at;
        }

        private static String body(long events, List<StripeHead> heads) {
            var text = new StringBuilder().append(events);
            for (var h : heads) {
                text.append(':').append(h.chain()).append('/').append(h.seq()).append('/').append(h.id()).append('/')
                        .append(h.hash());
            }
            return text.toString();
        }

        static StorageKey key(long events) {
            return StorageKey.of(PREFIX + String.format("%019d", events) + ".json");
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
     * Signs every chain's current head, unless the latest checkpoint already covers them. Each head is checked first
     * (its row's hash and MAC), and that every chain still holds the latest checkpoint's event for it unchanged: a
     * checkpoint must never vouch for a chain someone cut back since the last one.
     *
     * @return the latest checkpoint after this call; empty while the ledger is empty
     */
    public Optional<Checkpoint> write() {
        var heads = new ArrayList<StripeHead>();
        long total = 0;
        for (var head : events.heads()) {
            if (head.lastSeq() == 0) {
                continue;
            }
            var row = events.at(head.chain(), head.lastSeq());
            if (row.isEmpty() || !row.get().event().hash().equals(head.lastHash())
                    || !key.verifies(head.lastHash(), row.get().mac())) {
                throw new Refused("the head of chain " + head.chain() + " (seq " + head.lastSeq()
                        + ") does not match a row with a valid MAC");
            }
            heads.add(new StripeHead(head.chain(), head.lastSeq(), row.get().event().id(), head.lastHash()));
            total += head.lastSeq();
        }
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        var previous = latest();
        if (previous.isPresent()) {
            var p = previous.get();
            // every chain must still hold p's event unchanged; p may also be past the heads read above, written by
            // another node that appended meanwhile: then it is already the latest, not a sign of a cut chain
            for (var h : p.heads()) {
                String problem = mismatch(p, h, events.at(h.chain(), h.seq()).map(s -> s.event().hash()));
                if (problem != null) {
                    throw new Refused(problem);
                }
            }
            if (p.events() >= total) {
                return previous;
            }
        }
        if (storage.exists(Checkpoint.key(total))) {
            return Optional.of(read(Checkpoint.key(total))); // another node signed these heads a moment ago
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String prev = previous.map(Checkpoint::mac).orElse("");
        var checkpoint = new Checkpoint(total, List.copyOf(heads), at, prev,
                key.mac(Checkpoint.message(total, heads, at, prev)));
        var body = new LinkedHashMap<String, Object>();
        body.put("events", total);
        body.put("heads", heads.stream().map(h -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("chain", h.chain());
            m.put("seq", h.seq());
            m.put("id", h.id());
            m.put("hash", h.hash());
            return m;
        }).toList());
        body.put("at", at.toString());
        body.put("prev", prev);
        body.put("mac", checkpoint.mac());
        byte[] bytes = JSON.writeValueAsBytes(body);
        storage.put(Checkpoint.key(total), new ByteArrayInputStream(bytes), bytes.length, "application/json");
        return Optional.of(checkpoint);
    }

    /** The checkpoint that covers the most events, its MAC checked. @throws Forged if it does not verify */
    public Optional<Checkpoint> latest() {
        Optional<StorageKey> last;
        try (var listing = storage.list(PREFIX)) {
            last = listing.map(StoredObject::key).filter(k -> k.name().endsWith(".json")).reduce((a, b) -> b);
        }
        return last.map(this::read);
    }

    /**
     * {@link #latest}, after checking that no checkpoint was deleted or replaced: each linked checkpoint's prev must
     * be the MAC of one stored before it. Reads every checkpoint, for {@code ledger verify}.
     * @throws Forged if one does not verify, or names a predecessor that is not there
     */
    public Optional<Checkpoint> chained() {
        List<StorageKey> keys;
        try (var listing = storage.list(PREFIX)) {
            keys = listing.map(StoredObject::key).filter(k -> k.name().endsWith(".json")).toList();
        }
        var earlier = new java.util.HashSet<String>();
        Checkpoint last = null;
        for (var k : keys) {
            last = read(k);
            // "" is a first checkpoint (or one of two first ones written at once); null predates the links
            if (last.prev() != null && !last.prev().isEmpty() && !earlier.contains(last.prev())) {
                throw new Forged("checkpoint " + k.name() + " follows a checkpoint that is no longer in storage "
                        + "(one was deleted or replaced)");
            }
            earlier.add(last.mac());
        }
        return Optional.ofNullable(last);
    }

    /** Why a chain no longer holds what {@code checkpoint} recorded as its head ({@code hashNow}: that event's hash now). */
    static String mismatch(Checkpoint checkpoint, StripeHead head, Optional<String> hashNow) {
        if (hashNow.isEmpty()) {
            return "the checkpoint of " + checkpoint.at() + " records event " + head.id() + " (chain " + head.chain()
                    + " seq " + head.seq() + "), which is no longer in the chain (rows deleted from its end)";
        }
        if (!hashNow.get().equals(head.hash())) {
            return "event " + head.id() + " (chain " + head.chain() + " seq " + head.seq() + ") no longer has the "
                    + "hash the checkpoint of " + checkpoint.at() + " recorded (the chain up to it was rewritten)";
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
        String at = node.path("at").asString("");
        String mac = node.path("mac").asString("");
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (RuntimeException e) {
            throw new Forged("checkpoint " + storageKey.name() + " has no valid time");
        }
        long total;
        String prev = node.has("prev") ? node.path("prev").asString("") : null;
        var heads = new ArrayList<StripeHead>();
        if (node.has("head_id")) { // written before the stripes: chain 0's head, whose seq is its id
            total = node.path("head_id").asLong(-1);
            heads.add(new StripeHead(0, total, total, node.path("head_hash").asString("")));
        } else {
            total = node.path("events").asLong(-1);
            for (var h : node.path("heads")) {
                heads.add(new StripeHead(h.path("chain").asInt(-1), h.path("seq").asLong(-1), h.path("id").asLong(-1),
                        h.path("hash").asString("")));
            }
        }
        if (!storageKey.equals(Checkpoint.key(Math.max(total, 0)))
                || !key.verifies(Checkpoint.message(total, heads, instant, prev), mac)) {
            throw new Forged("checkpoint " + storageKey.name() + " was not signed with the ledger key");
        }
        return new Checkpoint(total, List.copyOf(heads), instant, prev, mac);
    }
}
