package io.socialsync.accounts.connect;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import io.socialsync.ledger.Actor;
import io.socialsync.platforms.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over oauth_states. Found by the state's hash only: the callback has no other credential. */
@Repository
class ConnectStates {
    private final JdbcClient jdbc;

    ConnectStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ConnectState s) {
        jdbc.sql("INSERT INTO oauth_states (state_hash, workspace_id, platform, actor, account_id, timezone, "
                        + "redirect_uri, code_verifier_enc, browser_hash, created_at, expires_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?)")
                .params(s.stateHash(), s.workspaceId(), s.platform().wire(), s.actor().value(), s.accountId(),
                        s.timezone().getId(), s.redirectUri(), s.codeVerifierEnc(), s.browserHash(),
                        utc(s.createdAt()), utc(s.expiresAt()))
                .update();
    }

    /** Marks the state used; true for the one caller that did, so a replayed callback finds it spent. */
    boolean use(String hash, Instant at) {
        return jdbc.sql("UPDATE oauth_states SET used_at = ? WHERE state_hash = ? AND used_at IS NULL")
                .params(utc(at), hash).update() == 1;
    }

    Optional<ConnectState> byHash(String hash) {
        return jdbc.sql("SELECT * FROM oauth_states WHERE state_hash = ?").param(hash)
                .query((rs, n) -> map(rs)).optional();
    }

    /** Flows nobody finished: kept a day past their expiry so a late callback is told it expired, not unknown. */
    void purge(Instant before) {
        jdbc.sql("DELETE FROM oauth_states WHERE expires_at < ?").param(utc(before)).update();
    }

    private static ConnectState map(ResultSet rs) throws SQLException {
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        return new ConnectState(rs.getString("state_hash"), rs.getLong("workspace_id"),
                Platform.parse(rs.getString("platform")).orElseThrow(), new Actor(rs.getString("actor")),
                accountId, ZoneId.of(rs.getString("timezone")), rs.getString("redirect_uri"),
                rs.getString("code_verifier_enc"), rs.getString("browser_hash"), instant(rs, "created_at"),
                instant(rs, "expires_at"), instant(rs, "used_at"));
    }
}
