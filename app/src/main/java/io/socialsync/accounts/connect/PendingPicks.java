package io.socialsync.accounts.connect;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.platforms.ConnectCandidate;
import io.socialsync.platforms.ConnectSettings;
import io.socialsync.platforms.OAuthConnect;
import io.socialsync.platforms.Platform;
import io.socialsync.secrets.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consents that reached several accounts (Pages, Instagram accounts, channels) wait here, tokens sealed, for the
 * person to pick; a pick connects the chosen ones, once, and drops the tokens of the rest.
 */
@Service
@NamedInterface("connect")
public class PendingPicks {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final PendingConnections pending;
    private final ConnectedAccounts connected;
    private final OAuthConnect flow;
    private final SecretBox secrets;
    private final ConnectSettings settings;
    private final Clock clock;

    PendingPicks(PendingConnections pending, ConnectedAccounts connected, OAuthConnect flow, SecretBox secrets,
                 ConnectSettings settings, Clock clock) {
        this.pending = pending;
        this.connected = connected;
        this.flow = flow;
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
    }

    ConnectResult.Pending park(long ws, Platform platform, ZoneId zone, List<ConnectCandidate> found) {
        Instant now = now();
        pending.purge(now);
        var draft = new PendingConnection(0, ws, platform, zone, secrets.seal(JSON.writeValueAsString(found)), now,
                now.plus(settings.pendingTtl()), null);
        return view(pending.byId(ws, pending.insert(draft), false).orElseThrow(), found);
    }

    public ConnectResult.Pending pending(long workspaceId, long id) {
        var row = pending.byId(workspaceId, id, false).orElseThrow(() -> new NotFound("connection", id));
        return view(row, row.candidatesEnc().isBlank() ? List.of() : candidates(row));
    }

    /** Connects the picked candidates of a pending connection, once (its row lock orders two picks). */
    @Transactional
    public ConnectResult.Connected choose(long workspaceId, long id, List<String> externalIds, Actor actor) {
        var row = pending.byId(workspaceId, id, true).orElseThrow(() -> new NotFound("connection", id));
        if (row.completedAt() != null) {
            throw new Conflict("connection " + id + " was already completed: start a new connection to add more");
        }
        if (now().isAfter(row.expiresAt()) || row.candidatesEnc().isBlank()) {
            throw new Conflict("connection " + id + " expired (a choice must come within "
                    + settings.pendingTtl().toMinutes() + " minutes): start the connection again");
        }
        if (externalIds == null || externalIds.isEmpty()) {
            throw Invalid.field("external_ids", "pick at least one of the candidates' external_id");
        }
        var all = candidates(row);
        var chosen = new ArrayList<ConnectCandidate>();
        for (String wanted : new LinkedHashSet<>(externalIds)) {
            chosen.add(all.stream().filter(c -> c.externalId().equals(wanted)).findFirst()
                    .orElseThrow(() -> Invalid.field("external_ids", "'" + wanted + "' is not one of this "
                            + "connection's candidates")));
        }
        var connector = flow.connector(row.platform()).orElseThrow();
        var accounts = chosen.stream().map(c -> connected.connect(workspaceId, row.platform(), row.timezone(),
                connector, c, actor)).toList();
        pending.complete(workspaceId, id, now());
        return new ConnectResult.Connected(accounts);
    }

    private List<ConnectCandidate> candidates(PendingConnection row) {
        return JSON.readValue(secrets.open(row.candidatesEnc()), new TypeReference<>() {
        });
    }

    private ConnectResult.Pending view(PendingConnection row, List<ConnectCandidate> found) {
        String status = row.completedAt() != null ? "completed"
                : now().isAfter(row.expiresAt()) || found.isEmpty() ? "expired" : "pending";
        var choices = status.equals("pending") ? found.stream()
                .map(c -> new ConnectResult.Choice(c.externalId(), c.handle(), c.name())).toList()
                : List.<ConnectResult.Choice>of();
        return new ConnectResult.Pending(row.id(), row.platform(), status, row.expiresAt(), choices);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
