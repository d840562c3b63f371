package io.socialsync.campaigns;

import io.socialsync.platforms.AdSpec;
import io.socialsync.platforms.AdsApi;
import io.socialsync.platforms.AdsCall;
import java.util.Optional;

/**
 * Builds a campaign's four Meta objects in order, each {@code PAUSED}: campaign, ad set, creative, ad. A step
 * whose id is recorded is skipped; a step whose intent is recorded without an id (an earlier call sent, its answer
 * lost) is first looked up by the name SocialSync gave it, and created only when Meta has no object of that name.
 */
final class CampaignBuild {
    private final AdsApi ads;
    private final AdsApi.Auth auth;
    private final AdAccount account;
    private final CampaignJournal journal;

    CampaignBuild(AdsApi ads, AdsApi.Auth auth, AdAccount account, CampaignJournal journal) {
        this.ads = ads;
        this.auth = auth;
        this.account = account;
        this.journal = journal;
    }

    /** @return the ids of campaign, ad set, creative and ad */
    String[] run(Campaign c) {
        String campaignId = step(c, "campaign", c.remoteCampaignId(), new AdSpec.Campaign(
                c.remoteName("campaign"), c.objective(), c.specialAdCategories(), c.targeting().countries()));
        var t = c.targeting();
        String adsetId = step(c, "adset", c.remoteAdsetId(), new AdSpec.AdSet(c.remoteName("ad set"), campaignId,
                c.daily(), c.budgetMinor(), c.startsAt(), c.endsAt(), t.countries(), t.ageMin(), t.ageMax(),
                t.interests(), c.optimizationGoal(), c.billingEvent(),
                Objectives.destination(c.objective(), c.optimizationGoal()), account.dsaBeneficiary(),
                account.dsaPayor()));
        boolean instagram = c.postPlatform().equals("instagram");
        String creativeId = step(c, "creative", c.remoteCreativeId(), new AdSpec.Creative(c.remoteName("creative"),
                account.pageId(), instagram ? account.instagramUserId() : null, instagram ? c.postId() : null,
                instagram ? null : c.postId()));
        String adId = step(c, "ad", c.remoteAdId(), new AdSpec.Ad(c.remoteName("ad"), adsetId, creativeId));
        return new String[] {campaignId, adsetId, creativeId, adId};
    }

    private String step(Campaign c, String step, String recorded, AdSpec spec) {
        if (recorded != null) {
            return recorded;
        }
        if (step.equals(c.step()) && c.intentAt() != null) {
            var found = readBack(spec);
            if (found.isPresent()) {
                journal.recorded(step, found.get(), "read back");
                return found.get();
            }
            // Meta has no object of that name: the earlier call never took effect, so this is the first creation
        }
        journal.intent(step);
        return switch (ads.create(auth, spec)) {
            case AdsCall.Done<String> d -> {
                journal.recorded(step, d.value(), "created");
                yield d.value();
            }
            case AdsCall.Failed<String> f -> throw new SyncStop.Refused(f.failure());
            case AdsCall.Unknown<String> u -> throw new SyncStop.Retry("Meta did not answer creating the " + step
                    + " (" + u.detail() + "): the next attempt looks it up by name before anything else");
        };
    }

    private Optional<String> readBack(AdSpec spec) {
        return switch (ads.findByName(auth, spec.kind(), spec.name())) {
            case AdsCall.Done<Optional<String>> d -> d.value();
            case AdsCall.Failed<Optional<String>> f -> throw new SyncStop.Refused(f.failure());
            case AdsCall.Unknown<Optional<String>> u -> throw new SyncStop.Retry("Meta did not answer looking up "
                    + spec.name() + " (" + u.detail() + ")");
        };
    }
}
