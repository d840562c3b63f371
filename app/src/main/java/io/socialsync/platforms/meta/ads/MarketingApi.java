package io.socialsync.platforms.meta.ads;

import io.socialsync.platforms.AdInsights;
import io.socialsync.platforms.AdSpec;
import io.socialsync.platforms.AdsApi;
import io.socialsync.platforms.AdsCall;
import io.socialsync.platforms.AdsFailure;
import io.socialsync.platforms.HttpResult;
import io.socialsync.platforms.PlatformHttp;
import io.socialsync.platforms.meta.AdsErrors;
import io.socialsync.platforms.meta.Graph;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Meta's Marketing API over the Graph client: objects are created under {@code act_{id}/{edge}} as form POSTs,
 * every one {@code PAUSED}; read back by exact name with Graph's {@code filtering}; a campaign's status and
 * lifetime insights in one call by field expansion.
 */
@Component
public class MarketingApi implements AdsApi {
    /**
     * Ads Insights fields (the Marketing API reference, and AdsInsights of Meta's business SDKs). Meta has no
     * "cost per result" field to ask for: SocialSync divides spend by the count the goal optimizes for.
     */
    static final String INSIGHT_FIELDS = "spend,impressions,reach,actions,video_play_actions,"
            + "video_thruplay_watched_actions,video_continuous_2_sec_watched_actions";
    private final PlatformHttp http;
    private final AdsSettings settings;

    public MarketingApi(PlatformHttp http, AdsSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    private Graph graph(Auth auth) {
        return new Graph(http, settings.baseUrl(), auth.token(), settings.requestTimeout());
    }

    @Override
    public AdsCall<AccountInfo> account(Auth auth) {
        return read(graph(auth).get("act_" + auth.accountId(), "fields=name,currency,account_status"),
                json -> new AccountInfo(json.path("name").asString(""), json.path("currency").asString(""),
                        json.path("account_status").asInt(0)));
    }

    @Override
    public AdsCall<String> create(Auth auth, AdSpec spec) {
        var result = graph(auth).post("act_" + auth.accountId() + "/" + spec.kind().edge(), AdFields.of(spec));
        return switch (result) {
            case HttpResult.Answered a when a.ok() && !a.json().path("id").asString("").isBlank() ->
                    new AdsCall.Done<>(a.json().path("id").asString());
            case HttpResult.Answered a when a.ok() -> new AdsCall.Unknown<>("Meta answered without an id");
            case HttpResult.Answered a -> new AdsCall.Failed<>(AdsErrors.map(a));
            case HttpResult.NotSent n -> notSent(n);
            case HttpResult.NoAnswer n -> new AdsCall.Unknown<>(n.detail());
        };
    }

    @Override
    public AdsCall<Optional<String>> findByName(Auth auth, AdSpec.Kind kind, String name) {
        String filter = "[{\"field\":\"name\",\"operator\":\"EQUAL\",\"value\":" + AdFields.quote(name) + "}]";
        return read(graph(auth).get("act_" + auth.accountId() + "/" + kind.edge(), "fields=id,name&filtering="
                + PlatformHttp.enc(filter)), json -> {
                    for (JsonNode item : json.path("data")) {
                        if (name.equals(item.path("name").asString(""))) {
                            return Optional.of(item.path("id").asString());
                        }
                    }
                    return Optional.empty();
                });
    }

    @Override
    public AdsCall<Boolean> setStatus(Auth auth, String objectId, String status) {
        return read(graph(auth).post(objectId, Map.of("status", status)), json -> json.path("success").asBoolean(true));
    }

    @Override
    public AdsCall<AdInsights> insights(Auth auth, String campaignId) {
        return read(graph(auth).get(campaignId, "fields=" + PlatformHttp.enc("effective_status,insights"
                + ".date_preset(maximum){" + INSIGHT_FIELDS + "}")), AdFields::insights);
    }

    private static <T> AdsCall<T> read(HttpResult result, Function<JsonNode, T> parse) {
        return switch (result) {
            case HttpResult.Answered a when a.ok() -> new AdsCall.Done<>(parse.apply(a.json()));
            case HttpResult.Answered a -> new AdsCall.Failed<>(AdsErrors.map(a));
            case HttpResult.NotSent n -> notSent(n);
            case HttpResult.NoAnswer n -> new AdsCall.Unknown<>(n.detail());
        };
    }

    private static <T> AdsCall<T> notSent(HttpResult.NotSent n) {
        return new AdsCall.Failed<>(new AdsFailure(AdsFailure.Kind.TEMPORARY, "could not reach Meta ("
                + n.detail() + "): SocialSync tries again", null));
    }
}
