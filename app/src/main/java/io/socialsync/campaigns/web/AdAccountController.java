package io.socialsync.campaigns.web;

import io.socialsync.campaigns.AdAccount;
import io.socialsync.campaigns.AdAccountService;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's Meta ad account and its spend caps; the token goes in, never out. */
@RestController
@RequestMapping("/ad-account")
public class AdAccountController {
    private final AdAccountService accounts;

    public AdAccountController(AdAccountService accounts) {
        this.accounts = accounts;
    }

    public record ConnectBody(@Size(max = 40) String accountId, @Size(max = 8000) String accessToken,
                              @Size(max = 40) String pageId, @Size(max = 40) String instagramUserId,
                              Long spendCapMinor, Long campaignCapMinor, @Size(max = 500) String dsaBeneficiary,
                              @Size(max = 500) String dsaPayor) {
        @Override
        public String toString() {
            return "ConnectBody[" + accountId + "]";
        }
    }

    public record AdAccountView(String accountId, String name, String currency, String pageId,
                                String instagramUserId, long spendCapMinor, long campaignCapMinor,
                                String dsaBeneficiary, String dsaPayor, String status, String statusReason,
                                Instant createdAt, Instant updatedAt) {
        static AdAccountView of(AdAccount a) {
            return new AdAccountView(a.accountId(), a.name(), a.currency(), a.pageId(), a.instagramUserId(),
                    a.spendCapMinor(), a.campaignCapMinor(), a.dsaBeneficiary(), a.dsaPayor(), a.status(),
                    a.statusReason(), a.createdAt(), a.updatedAt());
        }
    }

    @PutMapping
    @Operation(summary = "Connect (or reconnect) the ad account: a new token is checked with Meta, which also "
            + "tells its currency; caps are in that currency's minor units")
    AdAccountView connect(Caller caller, @Valid @RequestBody ConnectBody body) {
        caller.require(Role.EDITOR);
        return AdAccountView.of(accounts.connect(caller.workspaceId(), new AdAccountService.Connect(body.accountId(),
                body.accessToken(), body.pageId(), body.instagramUserId(), body.spendCapMinor(),
                body.campaignCapMinor(), body.dsaBeneficiary(), body.dsaPayor()), Actor.of(caller)));
    }

    @GetMapping
    AdAccountView get(Caller caller) {
        caller.require(Role.VIEWER);
        return AdAccountView.of(accounts.get(caller.workspaceId()));
    }
}
