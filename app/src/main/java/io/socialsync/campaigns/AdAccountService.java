package io.socialsync.campaigns;

import io.socialsync.domain.Conflict;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.domain.Unavailable;
import io.socialsync.ledger.Actor;
import io.socialsync.ledger.EventType;
import io.socialsync.platforms.AdsApi;
import io.socialsync.platforms.AdsCall;
import io.socialsync.platforms.AdsFailure;
import io.socialsync.secrets.SecretBox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Connects a workspace's ad account: a new token is first shown to Meta (the account's name and currency come
 * from there, so budgets are always in the currency Meta bills in), then sealed and stored with the caps.
 */
@Service
public class AdAccountService {
    private static final Pattern DIGITS = Pattern.compile("\\d{1,30}");
    private final AdAccounts rows;
    private final Campaigns campaigns;
    private final AdsApi ads;
    private final SecretBox secrets;
    private final CampaignEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;

    AdAccountService(AdAccounts rows, Campaigns campaigns, AdsApi ads, SecretBox secrets, CampaignEvents events,
                     TransactionTemplate tx, Clock clock) {
        this.rows = rows;
        this.campaigns = campaigns;
        this.ads = ads;
        this.secrets = secrets;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * What a person sends; a null token keeps the stored one (allowed only for the same account). The DSA names: null
     * keeps what is stored, blank removes it.
     */
    public record Connect(String accountId, String accessToken, String pageId, String instagramUserId,
                          Long spendCapMinor, Long campaignCapMinor, String dsaBeneficiary, String dsaPayor) {
        public Connect(String accountId, String accessToken, String pageId, String instagramUserId,
                       Long spendCapMinor, Long campaignCapMinor) {
            this(accountId, accessToken, pageId, instagramUserId, spendCapMinor, campaignCapMinor, null, null);
        }

        @Override
        public String toString() {
            return "Connect[" + accountId + "]";
        }
    }

    public AdAccount get(long workspaceId) {
        return rows.of(workspaceId).orElseThrow(() -> new NotFound("ad account", "of this workspace"));
    }

    public AdAccount connect(long workspaceId, Connect c, Actor actor) {
        var errors = new Invalid.Collector();
        String accountId = c.accountId() == null ? "" : c.accountId().trim().replaceFirst("^act_", "");
        if (!DIGITS.matcher(accountId).matches()) {
            errors.add("account_id", "must be the ad account's id, digits with or without act_");
        }
        optionalId("page_id", c.pageId(), errors);
        optionalId("instagram_user_id", c.instagramUserId(), errors);
        if (c.spendCapMinor() == null || c.spendCapMinor() < 0) {
            errors.add("spend_cap_minor", "required: the most all campaigns together may spend, in minor units");
        }
        if (c.campaignCapMinor() == null || c.campaignCapMinor() < 0) {
            errors.add("campaign_cap_minor", "required: the most one campaign may spend, in minor units");
        } else if (c.spendCapMinor() != null && c.campaignCapMinor() > c.spendCapMinor()) {
            errors.add("campaign_cap_minor", "must not exceed spend_cap_minor");
        }
        dsaName("dsa_beneficiary", c.dsaBeneficiary(), errors);
        dsaName("dsa_payor", c.dsaPayor(), errors);
        if (c.accessToken() != null && (c.accessToken().isBlank() || c.accessToken().length() > 8000)) {
            errors.add("access_token", "must be 1 to 8000 characters");
        }
        errors.throwIfAny();
        var old = rows.of(workspaceId);
        boolean sameAccount = old.isPresent() && old.get().accountId().equals(accountId);
        if (c.accessToken() == null && !sameAccount) {
            throw Invalid.field("access_token", "required to connect an ad account");
        }
        String token = c.accessToken() != null ? c.accessToken() : secrets.open(old.get().accessTokenEnc());
        var info = c.accessToken() == null ? null : verify(new AdsApi.Auth(accountId, token));
        try {
            return tx.execute(status -> store(workspaceId, accountId, c, info, old.isPresent(), actor));
        } catch (DuplicateKeyException raced) {
            // a first connection of the workspace at the same moment: the row did not exist to be locked
            throw new Conflict("the ad account was connected meanwhile: send the request again");
        }
    }

    private AdAccount store(long workspaceId, String accountId, Connect c, AdsApi.AccountInfo info, boolean existed,
                            Actor actor) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        var locked = rows.lock(workspaceId);
        if (locked.isPresent() != existed) {
            throw new Conflict("the ad account was changed meanwhile: send the request again");
        }
        if (locked.isPresent() && !locked.get().accountId().equals(accountId) && campaigns.live(workspaceId) > 0) {
            throw new Conflict("campaigns of ad account act_" + locked.get().accountId() + " are still running: "
                    + "stop them before connecting another ad account");
        }
        var base = locked.orElse(null);
        String sealed = info != null ? secrets.seal(c.accessToken()) : base.accessTokenEnc();
        var account = new AdAccount(base == null ? 0 : base.id(), workspaceId, accountId,
                info != null ? info.name() : base.name(), info != null ? info.currency() : base.currency(),
                blankToNull(c.pageId()), blankToNull(c.instagramUserId()), sealed, c.spendCapMinor(),
                c.campaignCapMinor(), dsa(c.dsaBeneficiary(), base == null ? null : base.dsaBeneficiary()),
                dsa(c.dsaPayor(), base == null ? null : base.dsaPayor()),
                info != null ? AdAccount.ACTIVE : base.status(),
                info != null ? null : base.statusReason(), base == null ? now : base.createdAt(), now);
        if (base == null) {
            rows.insert(account);
        } else {
            rows.update(account);
        }
        var stored = rows.of(workspaceId).orElseThrow();
        var payload = new LinkedHashMap<String, Object>();
        payload.put("account_id", accountId);
        payload.put("currency", stored.currency());
        payload.put("spend_cap_minor", stored.spendCapMinor());
        payload.put("campaign_cap_minor", stored.campaignCapMinor());
        payload.put("dsa_beneficiary", stored.dsaBeneficiary());
        payload.put("dsa_payor", stored.dsaPayor());
        payload.put("token_changed", info != null);
        events.account(stored, actor, EventType.AD_ACCOUNT_CONNECTED, payload);
        return stored;
    }

    /** Meta refused the token while working: campaigns wait until a person connects the account again. */
    void needsReauth(long workspaceId, String reason, Actor actor) {
        tx.executeWithoutResult(status -> {
            if (rows.markNeedsReauth(workspaceId, reason, clock.instant())) {
                rows.of(workspaceId).ifPresent(a -> events.account(a, actor, EventType.AD_ACCOUNT_NEEDS_REAUTH,
                        Map.of("reason", reason)));
            }
        });
    }

    private AdsApi.AccountInfo verify(AdsApi.Auth auth) {
        return switch (ads.account(auth)) {
            case AdsCall.Done<AdsApi.AccountInfo> d when !Currencies.known(d.value().currency()) ->
                    throw new Invalid(Invalid.Kind.UNPROCESSABLE, "Unknown currency", "Meta reports currency '"
                            + d.value().currency() + "' for act_" + auth.accountId() + ", which SocialSync does "
                            + "not know the minor units of");
            case AdsCall.Done<AdsApi.AccountInfo> d -> d.value();
            case AdsCall.Failed<AdsApi.AccountInfo> f when f.failure().retryable() ->
                    throw new Unavailable("Meta is unavailable", f.failure().message(), f.failure().retryAfter());
            case AdsCall.Failed<AdsApi.AccountInfo> f when f.failure().kind() == AdsFailure.Kind.PERMISSION
                    || f.failure().kind() == AdsFailure.Kind.REAUTH ->
                    throw new Invalid(Invalid.Kind.UNPROCESSABLE, "Meta refused the token", f.failure().message());
            case AdsCall.Failed<AdsApi.AccountInfo> f ->
                    throw new Invalid(Invalid.Kind.UNPROCESSABLE, "Meta refused the ad account", f.failure().message());
            case AdsCall.Unknown<AdsApi.AccountInfo> u ->
                    throw new Unavailable("Meta did not answer", "Meta did not answer (" + u.detail() + "): try again");
        };
    }

    private static void optionalId(String field, String value, Invalid.Collector errors) {
        if (value != null && !value.isBlank() && !DIGITS.matcher(value.trim()).matches()) {
            errors.add(field, "must be Meta's numeric id");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** A person's or organisation's name as it will be shown with the ads in the EU. */
    private static void dsaName(String field, String value, Invalid.Collector errors) {
        if (value != null && (value.length() > 500 || value.chars().anyMatch(Character::isISOControl))) {
            errors.add(field, "must be a name of at most 500 characters, without control characters");
        }
    }

    private static String dsa(String given, String stored) {
        return given == null ? stored : given.isBlank() ? null : given.strip();
    }
}
