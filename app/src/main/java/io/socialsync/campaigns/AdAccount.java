package io.socialsync.campaigns;

import java.time.Instant;

/**
 * A workspace's Meta ad account. {@code accountId} is Meta's id without {@code act_}; the token is sealed; caps
 * are in the currency's minor units: {@code spendCapMinor} for all its campaigns not failed together,
 * {@code campaignCapMinor} for any one. {@code dsaBeneficiary} and {@code dsaPayor} (EU Digital Services Act) go
 * with every ad set when set; null leaves them to the account's defaults in Ads Manager.
 */
public record AdAccount(long id, long workspaceId, String accountId, String name, String currency, String pageId,
                        String instagramUserId, String accessTokenEnc, long spendCapMinor, long campaignCapMinor,
                        String dsaBeneficiary, String dsaPayor, String status, String statusReason, Instant createdAt,
                        Instant updatedAt) {
    public static final String ACTIVE = "active";
    public static final String NEEDS_REAUTH = "needs_reauth";

    /** Without DSA names. */
    public AdAccount(long id, long workspaceId, String accountId, String name, String currency, String pageId,
                     String instagramUserId, String accessTokenEnc, long spendCapMinor, long campaignCapMinor,
                     String status, String statusReason, Instant createdAt, Instant updatedAt) {
        this(id, workspaceId, accountId, name, currency, pageId, instagramUserId, accessTokenEnc, spendCapMinor,
                campaignCapMinor, null, null, status, statusReason, createdAt, updatedAt);
    }
}
