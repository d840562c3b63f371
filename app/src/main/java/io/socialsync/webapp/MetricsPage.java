package io.socialsync.webapp;

import io.socialsync.insights.MetricsCollection;
import io.socialsync.insights.PublicationMetrics;
import io.socialsync.learning.Outcomes;
import io.socialsync.publish.Publication;
import io.socialsync.publish.Publications;
import io.socialsync.publish.PublishRuns;
import io.socialsync.web.Caller;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Metrics: the latest publications' views, likes, shares and comments at their checkpoints (insights' collections,
 * as GET /publications/{id}/metrics has them), and per account when its posts did best, by weekday and local hour
 * (learning's scored outcomes). Every role may read.
 */
@Controller
class MetricsPage {
    static final int PAGE = 12;
    private final PublicationMetrics metrics;
    private final Publications publications;
    private final PublishRuns runs;
    private final Outcomes outcomes;
    private final Clock clock;

    MetricsPage(PublicationMetrics metrics, Publications publications, PublishRuns runs, Outcomes outcomes,
                Clock clock) {
        this.metrics = metrics;
        this.publications = publications;
        this.runs = runs;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    /** One publication's card: what it was, where and when it went out, and its chart. */
    public record Card(long id, String platform, String account, String posted, String link, MetricsChart chart) {
    }

    @GetMapping("/app/metrics")
    String page(Caller caller, @RequestParam(required = false) Long before, Model model) {
        long ws = caller.workspaceId();
        var accounts = outcomes.accounts(ws);
        Map<Long, Outcomes.AccountRef> byId = accounts.stream()
                .collect(Collectors.toMap(Outcomes.AccountRef::id, Function.identity()));
        var series = metrics.latest(ws, before, PAGE + 1);
        var cards = series.entrySet().stream().limit(PAGE)
                .map(e -> card(ws, e.getKey(), e.getValue(), byId)).toList();
        var heatMaps = accounts.stream().map(a -> HeatMap.of(a.id(), a.handle(), a.platform(), a.zone(),
                outcomes.latestPerPost(ws, a.id()), clock.instant())).toList();
        model.addAttribute("cards", cards);
        model.addAttribute("older", series.size() > PAGE ? cards.getLast().id() : null);
        model.addAttribute("before", before);
        model.addAttribute("heatMaps", heatMaps);
        model.addAttribute("nav", "metrics");
        return "webapp/metrics";
    }

    private Card card(long ws, long id, List<MetricsCollection> series, Map<Long, Outcomes.AccountRef> accounts) {
        var publication = publications.byId(ws, id);
        var result = runs.resultOf(ws, id);
        var account = publication.map(Publication::socialAccountId).map(accounts::get);
        ZoneId zone = account.map(Outcomes.AccountRef::zone).orElse(ZoneId.of("UTC"));
        String posted = result.map(PublishRuns.Result::postedAt).map(at -> Times.show(at, zone)).orElse("");
        return new Card(id, series.getFirst().platform().wire(),
                account.map(a -> "@" + a.handle()).orElseGet(() -> publication
                        .map(p -> "account " + p.socialAccountId()).orElse("")),
                posted, result.map(PublishRuns.Result::url).orElse(null), MetricsChart.of(series));
    }
}
