package io.socialsync.learning;

import io.socialsync.accounts.SocialAccounts;
import io.socialsync.domain.NotFound;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * GET /clips/recommended: the workspace's clips not yet published (no post scheduled, going out or out) ranked by
 * predicted engagement for one account: the sum of the learned effects of the clip's score, length and hook bands
 * (a band never posted counts 0, the account's baseline), with the reason in words. Ties keep the analyser's order.
 */
@Service
public class Recommendations {
    private static final int CANDIDATES = 500;
    private final JdbcClient jdbc;
    private final Knowledge knowledge;
    private final SocialAccounts accounts;

    public Recommendations(JdbcClient jdbc, Knowledge knowledge, SocialAccounts accounts) {
        this.jdbc = jdbc;
        this.knowledge = knowledge;
        this.accounts = accounts;
    }

    public record Recommended(long clipId, long videoId, int score, double durationSeconds, double predicted,
                              String reason) {
    }

    private record Candidate(long id, long videoId, int score, long durationMs, String subScores) {
    }

    public List<Recommended> rank(long ws, long accountId, int limit) {
        accounts.byId(ws, accountId).orElseThrow(() -> new NotFound("social account", accountId));
        var fitted = knowledge.fit(ws, accountId);
        var out = new ArrayList<Recommended>();
        for (Candidate c : unpublished(ws)) {
            double predicted = 0;
            var parts = new ArrayList<String>();
            String[] bands = {ClipFeatures.scoreBand(c.score()), ClipFeatures.lengthBand(c.durationMs()),
                    ClipFeatures.hookBand(c.subScores())};
            for (int i = 0; i < Dimension.CLIP.size(); i++) {
                if (bands[i] == null) {
                    parts.add("no " + Dimension.CLIP.get(i).wire().replace('_', ' ') + " signal");
                    continue;
                }
                var posterior = fitted.bandit(Dimension.CLIP.get(i)).posterior(bands[i]);
                predicted += posterior.mean();
                parts.add(String.format(Locale.ROOT, "%s %s: %+.2f over %d post(s)",
                        Dimension.CLIP.get(i).wire().replace('_', ' '), bands[i], posterior.mean(), posterior.n()));
            }
            out.add(new Recommended(c.id(), c.videoId(), c.score(), c.durationMs() / 1000.0,
                    Knowledge.round(predicted), String.join("; ", parts)));
        }
        out.sort(Comparator.comparingDouble(Recommended::predicted).reversed()
                .thenComparing(Comparator.comparingInt(Recommended::score).reversed()));
        return out.subList(0, Math.min(limit, out.size()));
    }

    private List<Candidate> unpublished(long ws) {
        return jdbc.sql("SELECT c.id, c.video_id, c.score, c.end_ms - c.start_ms, c.sub_scores FROM clips c "
                        + "WHERE c.workspace_id = ? AND c.superseded = FALSE AND NOT EXISTS (SELECT 1 FROM publications p "
                        + "WHERE p.workspace_id = c.workspace_id AND p.clip_id = c.id AND p.state IN ('SCHEDULED', "
                        + "'PENDING', 'PUBLISHING', 'POSTED', 'UNCONFIRMED')) ORDER BY c.workspace_id, c.id DESC LIMIT ?")
                .params(ws, CANDIDATES)
                .query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4),
                        rs.getString(5))).list();
    }
}
