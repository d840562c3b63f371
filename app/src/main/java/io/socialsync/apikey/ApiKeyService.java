package io.socialsync.apikey;

import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.ledger.Ledger;
import io.socialsync.ledger.LedgerEvent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class ApiKeyService {
    private final ApiKeys keys;
    private final Ledger ledger;
    private final Clock clock;

    public ApiKeyService(ApiKeys keys, Ledger ledger, Clock clock) {
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public ApiKey.Created create(long workspaceId, String name, Role role, Actor actor) {
        return createWithKey(workspaceId, name, role, KeyMaterial.generate(), actor);
    }

    /** Used by the bootstrap when the operator supplies the first admin key. */
    @Transactional
    public ApiKey.Created createWithKey(long workspaceId, String name, Role role, String plainKey, Actor actor) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new Invalid("name must be 1 to 200 characters");
        }
        if (plainKey.length() < 16) {
            throw new IllegalArgumentException("an API key must have at least 16 characters");
        }
        var key = keys.insert(workspaceId, name.trim(), KeyMaterial.publicId(), KeyMaterial.hash(plainKey), role,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        ledger.append(new LedgerEvent.New(workspaceId, actor, EventType.API_KEY_CREATED, "api_key",
                String.valueOf(key.id()), null,
                Map.of("name", key.name(), "role", role.wire(), "public_id", key.publicId())));
        return new ApiKey.Created(key, plainKey);
    }

    @Transactional
    public ApiKey revoke(long workspaceId, long id, Actor actor) {
        var key = keys.byId(workspaceId, id).orElseThrow(() -> new NotFound("api key", id));
        if (keys.revoke(workspaceId, id, clock.instant())) {
            ledger.append(new LedgerEvent.New(workspaceId, actor, EventType.API_KEY_REVOKED, "api_key",
                    String.valueOf(id), null, Map.of("name", key.name())));
        }
        return keys.byId(workspaceId, id).orElseThrow();
    }

    public List<ApiKey> list(long workspaceId) {
        return keys.list(workspaceId);
    }

    public Optional<Caller> authenticate(String plainKey) {
        if (plainKey == null || plainKey.isBlank()) {
            return Optional.empty();
        }
        return keys.activeByHash(KeyMaterial.hash(plainKey.trim()))
                .map(k -> new Caller(k.workspaceId(), k.id(), k.role()));
    }
}
