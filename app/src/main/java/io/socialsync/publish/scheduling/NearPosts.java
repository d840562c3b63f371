package io.socialsync.publish.scheduling;

import io.socialsync.accounts.SocialAccount;
import io.socialsync.publish.Publication;
import io.socialsync.publish.PublicationState;
import io.socialsync.publish.Publications;
import io.socialsync.rules.PlatformRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Warnings about a valid slot, never rejections. Two situations are worth a person's second look:
 * <ul>
 * <li>{@code near_post}: another post of the same account within twice the platform's minimum gap (at least
 * {@link #FLOOR}). The gap is what the rules insist on; a post just past it still competes with its neighbour for
 * the same followers' feed and attention, so the person should know it is there. The floor keeps the warning for
 * rules with a zero gap, where two posts may otherwise share the same minute unnoticed.</li>
 * <li>{@code same_clip_same_platform}: the same clip on another account of the same platform within a day. The
 * platforms' originality policies (Instagram's and TikTok's) may show a video found on two accounts to fewer
 * people. Cross-posting one clip to different platforms is normal and not warned about.</li>
 * </ul>
 * Each check is a bounded index probe: the nearest post on either side, and the clip's few publications (by the
 * (workspace_id, clip_id, id) index).
 */
@Component
class NearPosts {
    static final Duration FLOOR = Duration.ofMinutes(15);
    static final Duration SAME_CLIP_WITHIN = Duration.ofHours(24);
    private static final int MAX_SAME_CLIP = 3;
    private final Publications rows;

    NearPosts(Publications rows) {
        this.rows = rows;
    }

    /** @param self the publication being placed, once it has a row (a reschedule), so it is not its own neighbour */
    List<ScheduleWarning> check(SocialAccount account, PlatformRule rule, long clipId, Instant slot, Long self) {
        List<ScheduleWarning> warnings = new ArrayList<>();
        Duration near = near(rule.minGap());
        rows.slotAtOrBefore(account.id(), slot, self)
                .filter(before -> Duration.between(before.at(), slot).compareTo(near) < 0)
                .ifPresent(before -> warnings.add(nearPost(account, rule, near, before, slot)));
        rows.slotAfter(account.id(), slot, self)
                .filter(after -> Duration.between(slot, after.at()).compareTo(near) < 0)
                .ifPresent(after -> warnings.add(nearPost(account, rule, near, after, slot)));
        // a clip has few publications: read them by the clip's index and filter here. (The same filter in SQL let
        // H2 pick the (state, scheduled_for) index and read the whole table.)
        var twins = rows.ofClip(account.workspaceId(), clipId).stream()
                .filter(p -> p.platform() == account.platform() && p.socialAccountId() != account.id()
                        && (self == null || p.id() != self) && PublicationState.OCCUPYING.contains(p.state())
                        && Duration.between(p.scheduledFor(), slot).abs().compareTo(SAME_CLIP_WITHIN) <= 0)
                .sorted(Comparator.comparing(Publication::scheduledFor)).limit(MAX_SAME_CLIP).toList();
        for (Publication twin : twins) {
            warnings.add(new ScheduleWarning(ScheduleWarning.SAME_CLIP, "Clip " + clipId + " also goes to "
                    + account.platform().wire() + " account " + twin.socialAccountId() + " "
                    + relative(twin.scheduledFor(), slot) + " (publication " + twin.id() + "): "
                    + account.platform().wire() + " may treat the same video on two accounts within a day as "
                    + "unoriginal and show it to fewer people", twin.id()));
        }
        return warnings;
    }

    static Duration near(Duration gap) {
        Duration twice = gap.multipliedBy(2);
        return twice.compareTo(FLOOR) < 0 ? FLOOR : twice;
    }

    private static ScheduleWarning nearPost(SocialAccount account, PlatformRule rule, Duration near,
                                            Publications.Slot other, Instant slot) {
        return new ScheduleWarning(ScheduleWarning.NEAR_POST, "Publication " + other.id() + " on @"
                + account.handle() + " goes out " + relative(other.at(), slot) + " (" + other.at() + "): posts "
                + "closer than " + Adjustment.human(near) + " (twice the " + Adjustment.human(rule.minGap())
                + " gap) compete for the same followers", other.id());
    }

    /** "45min earlier", "2min30s later", "at the same time": where {@code other} is seen from {@code slot}. */
    static String relative(Instant other, Instant slot) {
        int order = other.compareTo(slot);
        if (order == 0) {
            return "at the same time";
        }
        return Adjustment.human(Duration.between(other, slot).abs()) + (order < 0 ? " earlier" : " later");
    }
}
