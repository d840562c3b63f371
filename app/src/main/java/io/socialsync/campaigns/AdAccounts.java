package io.socialsync.campaigns;

import static io.socialsync.db.Timestamps.instant;
import static io.socialsync.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over ad_accounts: one row per workspace, every query by workspace. */
@Repository
class AdAccounts {
    private static final String COLUMNS = "id, workspace_id, account_id, name, currency, page_id, instagram_user_id, "
            + "access_token_enc, spend_cap_minor, campaign_cap_minor, dsa_beneficiary, dsa_payor, status, "
            + "status_reason, created_at, updated_at";
    private final JdbcClient jdbc;

    AdAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AdAccount> of(long workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ad_accounts WHERE workspace_id = ?").param(workspaceId)
                .query((rs, n) -> map(rs)).optional();
    }

    /** The row lock every cap decision and every change of the account takes first. */
    Optional<AdAccount> lock(long workspaceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ad_accounts WHERE workspace_id = ? FOR UPDATE")
                .param(workspaceId).query((rs, n) -> map(rs)).optional();
    }

    void insert(AdAccount a) {
        jdbc.sql("INSERT INTO ad_accounts (workspace_id, account_id, name, currency, page_id, instagram_user_id, "
                        + "access_token_enc, spend_cap_minor, campaign_cap_minor, dsa_beneficiary, dsa_payor, status, "
                        + "status_reason, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(a.workspaceId(), a.accountId(), a.name(), a.currency(), a.pageId(), a.instagramUserId(),
                        a.accessTokenEnc(), a.spendCapMinor(), a.campaignCapMinor(), a.dsaBeneficiary(), a.dsaPayor(),
                        a.status(), a.statusReason(), utc(a.createdAt()), utc(a.updatedAt()))
                .update();
    }

    void update(AdAccount a) {
        jdbc.sql("UPDATE ad_accounts SET account_id = ?, name = ?, currency = ?, page_id = ?, instagram_user_id = ?, "
                        + "access_token_enc = ?, spend_cap_minor = ?, campaign_cap_minor = ?, dsa_beneficiary = ?, "
                        + "dsa_payor = ?, status = ?, status_reason = ?, updated_at = ? WHERE workspace_id = ?")
                .params(a.accountId(), a.name(), a.currency(), a.pageId(), a.instagramUserId(), a.accessTokenEnc(),
                        a.spendCapMinor(), a.campaignCapMinor(), a.dsaBeneficiary(), a.dsaPayor(), a.status(),
                        a.statusReason(), utc(a.updatedAt()), a.workspaceId())
                .update();
    }

    boolean markNeedsReauth(long workspaceId, String reason, Instant at) {
        return jdbc.sql("UPDATE ad_accounts SET status = 'needs_reauth', status_reason = ?, updated_at = ? "
                        + "WHERE workspace_id = ? AND status <> 'needs_reauth'")
                .params(reason, utc(at), workspaceId).update() == 1;
    }

    private static AdAccount map(ResultSet rs) throws SQLException {
        return new AdAccount(rs.getLong("id"), rs.getLong("workspace_id"), rs.getString("account_id"),
                rs.getString("name"), rs.getString("currency"), rs.getString("page_id"),
                rs.getString("instagram_user_id"), rs.getString("access_token_enc"), rs.getLong("spend_cap_minor"),
                rs.getLong("campaign_cap_minor"), rs.getString("dsa_beneficiary"), rs.getString("dsa_payor"),
                rs.getString("status"), rs.getString("status_reason"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
