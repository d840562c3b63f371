package io.socialsync.webapp;

import io.socialsync.campaigns.Campaign;
import io.socialsync.campaigns.CampaignService;
import io.socialsync.campaigns.CampaignState;
import io.socialsync.campaigns.Currencies;
import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's Meta Ads campaigns: what each boosts, its budget and what it has spent by its latest reading,
 * its state and the one a person asked for; pause, resume and stop as POST /campaigns/{id}/… do (a sync makes Meta
 * agree).
 */
@Controller
class CampaignsPage {
    private static final int PAGE = 100;
    private final CampaignService campaigns;

    CampaignsPage(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** A campaign as the list shows it, money formatted in its currency; {@code desired} only when it differs. */
    public record Row(long id, String name, String post, CampaignState state, CampaignState desired, String budget,
                      String committed, String spent, String period, String reason) {
        static Row of(Campaign c, Long spentMinor) {
            String kind = c.daily() ? "a day" : "in all";
            return new Row(c.id(), c.name(), c.postPlatform() + " " + c.postId(), c.state(),
                    c.desired() == c.state() ? null : c.desired(),
                    Currencies.show(c.budgetMinor(), c.currency()) + " " + kind,
                    Currencies.show(c.committedMinor(), c.currency()),
                    spentMinor == null ? "not read yet" : Currencies.show(spentMinor, c.currency()),
                    Times.show(c.startsAt()) + " – " + Times.show(c.endsAt()), c.statusReason());
        }

        /** What the campaign is heading for: the state asked for, else the one it is in. */
        private CampaignState wanted() {
            return desired != null ? desired : state;
        }

        public boolean pausable() {
            return state.live() && (wanted() == CampaignState.ACTIVE || wanted() == CampaignState.CREATING);
        }

        public boolean resumable() {
            return state.live() && wanted() == CampaignState.PAUSED;
        }

        public boolean stoppable() {
            return state.live() && wanted() != CampaignState.STOPPED;
        }
    }

    @GetMapping("/app/campaigns")
    String page(Caller caller, Model model) {
        var page = campaigns.page(caller.workspaceId(), null, PAGE);
        Map<Long, Long> spent = campaigns.latestSpend(caller.workspaceId(), page.stream().map(Campaign::id).toList());
        model.addAttribute("rows", page.stream().map(c -> Row.of(c, spent.get(c.id()))).toList());
        model.addAttribute("nav", "campaigns");
        return "webapp/campaigns";
    }

    @PostMapping("/app/campaigns/{id}/{action:pause|resume|stop}")
    String change(Caller caller, @PathVariable long id, @PathVariable String action, RedirectAttributes flash) {
        caller.require(Role.EDITOR);
        var actor = Actor.of(caller);
        var changed = switch (action) {
            case "pause" -> campaigns.pause(caller.workspaceId(), id, actor);
            case "resume" -> campaigns.resume(caller.workspaceId(), id, actor);
            default -> campaigns.stop(caller.workspaceId(), id, actor);
        };
        flash.addFlashAttribute("notice", "Campaign " + id + " will be " + changed.desired().wire()
                + " at its next sync with Meta.");
        return "redirect:/app/campaigns";
    }
}
