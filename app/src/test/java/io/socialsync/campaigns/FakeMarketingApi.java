package io.socialsync.campaigns;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.socialsync.support.DatabaseTest;
import io.socialsync.support.ServerTest;
import io.socialsync.support.TestDatabases;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small stateful Marketing API for one ad account, following Meta's documented requests and answers: objects
 * created by form POSTs under {@code act_{id}/{campaigns|adsets|adcreatives|ads}} answer {@code {"id"}}; lists
 * filter by name ({@code filtering=[{"field":"name","operator":"EQUAL","value":…}]}); {@code POST /{id}} sets a
 * status; {@code GET /{campaign}?fields=effective_status,insights…} answers the status and lifetime insights.
 * Errors come in Graph's shape. It checks what Meta requires (an ODAX objective, special_ad_categories as a JSON
 * array and, for a campaign without its own budget, is_adset_budget_sharing_enabled (v24.0); an ad set's budget in
 * minor units, its times, a goal its billing event fits, a targeting spec with geo_locations.countries, ages and
 * targeting_automation.advantage_audience (v23.0); a creative from an existing post; an ad whose creative is
 * {"creative_id"}; PAUSED at creation) and can lose the answer to a create after the object was made (the
 * connection is reset).
 */
final class FakeMarketingApi implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-marketing-api";
    static final String TOKEN = "ads-token";

    /** A WireMock server answering every Marketing API call of version v26.0 through this fake. */
    WireMockServer serve() {
        var server = new WireMockServer(WireMockConfiguration.options().dynamicPort().extensions(this));
        server.start();
        server.stubFor(any(urlPathMatching("/v26\\.0/.*")).willReturn(aResponse().withTransformers(NAME)));
        return server;
    }

    /** The service on a known port over a fresh H2 in {@code data}, calling {@code server} for the Marketing API. */
    static void register(DynamicPropertyRegistry registry, Path data, WireMockServer server) {
        DatabaseTest.register(registry, TestDatabases.freshH2(data), data);
        int serverPort = ServerTest.freePort();
        registry.add("server.port", () -> serverPort);
        registry.add("socialsync.ads.base-url", () -> "http://localhost:" + server.port() + "/v26.0");
        registry.add("socialsync.ads.request-timeout", () -> "5s");
    }
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> EDGES = Map.of("campaigns", "campaign", "adsets", "adset",
            "adcreatives", "creative", "ads", "ad");
    /** One ad account per test, so syncs left running by earlier tests never see this test's faults. */
    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Obj> objects = new HashMap<>();
    private int ids = 100;

    /** One ad account's side of the story. Read it under the fake's lock (its methods are synchronized). */
    final class Account {
        final String id;
        final String currency;
        final Map<String, Obj> objects = new LinkedHashMap<>();
        final List<Map<String, String>> creates = new ArrayList<>();
        private final Map<String, Deque<ResponseDefinition>> failNext = new HashMap<>();
        private final Set<String> loseAnswer = new HashSet<>();
        private final Set<String> dropRequest = new HashSet<>();

        Account(String id, String currency) {
            this.id = id;
            this.currency = currency;
        }

        /** The next create on {@code edge} answers this error instead. */
        void failNextCreate(String edge, int status, int code, int subcode, String message) {
            synchronized (FakeMarketingApi.this) {
                failNext.computeIfAbsent(edge, e -> new ArrayDeque<>()).add(error(status, code, subcode, message));
            }
        }

        /** The next create on {@code edge} takes effect, then the connection is reset before any answer. */
        void loseNextAnswer(String edge) {
            synchronized (FakeMarketingApi.this) {
                loseAnswer.add(edge);
            }
        }

        /** The next create on {@code edge} is dropped before Meta acts on it: the connection is reset, nothing made. */
        void dropNextRequest(String edge) {
            synchronized (FakeMarketingApi.this) {
                dropRequest.add(edge);
            }
        }

        List<Obj> of(String kind) {
            synchronized (FakeMarketingApi.this) {
                return objects.values().stream().filter(o -> o.kind.equals(kind)).toList();
            }
        }

        int creates() {
            synchronized (FakeMarketingApi.this) {
                return creates.size();
            }
        }

        /** Meta reports this spend from now on for every campaign of the account (spend is reported late). */
        void reportSpend(String spend) {
            synchronized (FakeMarketingApi.this) {
                objects.values().forEach(o -> o.spend = spend);
            }
        }

        String idOf(String kind) {
            synchronized (FakeMarketingApi.this) {
                return objects.entrySet().stream().filter(e -> e.getValue().kind.equals(kind)).findFirst()
                        .orElseThrow().getKey();
            }
        }
    }

    static final class Obj {
        final String kind;
        final String name;
        final Map<String, String> fields;
        String status;
        String spend = "12.34";

        Obj(String kind, String name, Map<String, String> fields) {
            this.kind = kind;
            this.name = name;
            this.fields = fields;
            this.status = fields.get("status");
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    synchronized Account open(String currency) {
        var account = new Account(String.valueOf(1_000_000_000L + accounts.size()), currency);
        accounts.put(account.id, account);
        return account;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        var request = event.getRequest();
        String[] url = request.getUrl().split("\\?", 2);
        Map<String, String> query = url.length > 1 ? form(url[1]) : Map.of();
        String[] path = url[0].split("/"); // "", "v26.0", node, [edge]
        String node = path[2];
        String edge = path.length > 3 ? path[3] : "";
        boolean post = request.getMethod().getName().equals("POST");
        Map<String, String> fields = post ? form(request.getBodyAsString()) : query;
        if (!TOKEN.equals(fields.get("access_token"))) {
            return error(401, 190, 463, "Error validating access token: Session has expired");
        }
        var account = node.startsWith("act_") ? accounts.get(node.substring(4)) : null;
        if (node.startsWith("act_") && account == null) {
            return error(400, 100, 33, "Unsupported get request. Object with ID '" + node + "' does not exist");
        }
        if (account != null && edge.isEmpty()) {
            return ok("{\"id\":\"act_" + account.id + "\",\"name\":\"Shop ads\",\"currency\":\""
                    + account.currency + "\",\"account_status\":1}");
        }
        if (account != null && EDGES.containsKey(edge)) {
            return post ? create(account, edge, fields) : list(account, EDGES.get(edge), query.get("filtering"));
        }
        var obj = objects.get(node);
        if (obj == null) {
            return error(400, 100, 33, "Unsupported request. Object with ID '" + node + "' does not exist");
        }
        if (post) {
            obj.status = fields.get("status");
            return ok("{\"success\":true}");
        }
        if (!query.getOrDefault("fields", "").matches("effective_status,insights\\.date_preset\\(maximum\\)\\{.*"
                + "spend.*video_thruplay_watched_actions.*\\}")) {
            return error(400, 100, 0, "(#100) Tried accessing nonexisting field");
        }
        return insights(node, obj);
    }

    private ResponseDefinition create(Account account, String edge, Map<String, String> f) {
        if (account.dropRequest.remove(edge)) {
            return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        var failure = account.failNext.getOrDefault(edge, new ArrayDeque<>()).poll();
        if (failure != null) {
            return failure;
        }
        String kind = EDGES.get(edge);
        String problem = switch (kind) {
            case "campaign" -> campaignProblem(f);
            case "adset" -> !exists(account, f.get("campaign_id"), "campaign") ? "campaign_id names no campaign"
                    : adsetProblem(f);
            case "creative" -> f.containsKey("object_story_id") || f.containsKey("source_instagram_media_id")
                    && f.containsKey("instagram_user_id") && f.containsKey("object_id") ? null : "creative source";
            default -> exists(account, f.get("adset_id"), "adset") && exists(account, JSON.readTree(f.getOrDefault(
                    "creative", "{}")).path("creative_id").asString(null), "creative")
                    && "PAUSED".equals(f.get("status")) ? null : "ad fields";
        };
        if (problem != null) {
            return error(400, 100, 0, "Invalid parameter: " + problem);
        }
        String id = String.valueOf(++ids);
        var obj = new Obj(kind, f.get("name"), f);
        objects.put(id, obj);
        account.objects.put(id, obj);
        account.creates.add(f);
        if (account.loseAnswer.remove(edge)) {
            return new ResponseDefinitionBuilder().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return ok("{\"id\":\"" + id + "\"}");
    }

    private static final Set<String> OBJECTIVES = Set.of("OUTCOME_AWARENESS", "OUTCOME_TRAFFIC",
            "OUTCOME_ENGAGEMENT", "OUTCOME_LEADS", "OUTCOME_SALES", "OUTCOME_APP_PROMOTION");
    private static final Set<String> GOALS = Set.of("POST_ENGAGEMENT", "THRUPLAY", "REACH", "IMPRESSIONS",
            "TWO_SECOND_CONTINUOUS_VIDEO_VIEWS", "AD_RECALL_LIFT");

    private static String campaignProblem(Map<String, String> f) {
        if (!OBJECTIVES.contains(f.get("objective"))) {
            return "objective must be an ODAX objective";
        }
        if (!f.containsKey("special_ad_categories") || !JSON.readTree(f.get("special_ad_categories")).isArray()) {
            return "special_ad_categories is required, a JSON array";
        }
        if (!JSON.readTree(f.get("special_ad_categories")).isEmpty()
                && JSON.readTree(f.getOrDefault("special_ad_category_country", "[]")).isEmpty()) {
            return "special_ad_category_country is required with special_ad_categories";
        }
        if (!f.containsKey("daily_budget") && !f.containsKey("lifetime_budget")
                && !Set.of("true", "false").contains(f.get("is_adset_budget_sharing_enabled"))) {
            return "Must specify True or False in is_adset_budget_sharing_enabled field";
        }
        return "PAUSED".equals(f.get("status")) ? null : "status";
    }

    private static String adsetProblem(Map<String, String> f) {
        String budget = f.getOrDefault("daily_budget", f.get("lifetime_budget"));
        if (budget == null || !budget.matches("[1-9]\\d*")) {
            return "daily_budget or lifetime_budget, an integer in the currency's minor units";
        }
        try {
            if (!java.time.Instant.parse(f.get("end_time")).isAfter(java.time.Instant.parse(f.get("start_time")))) {
                return "end_time must be after start_time";
            }
        } catch (RuntimeException e) {
            return "start_time and end_time (ISO 8601)";
        }
        String goal = f.get("optimization_goal");
        if (!GOALS.contains(goal) || !("IMPRESSIONS".equals(f.get("billing_event"))
                || "THRUPLAY".equals(goal) && "THRUPLAY".equals(f.get("billing_event")))) {
            return "optimization_goal and billing_event";
        }
        if (f.get("bid_strategy") == null) {
            return "bid_strategy or bid_amount";
        }
        var t = JSON.readTree(f.getOrDefault("targeting", "{}"));
        if (t.path("geo_locations").path("countries").isEmpty() || !t.path("age_min").isInt()
                || !t.path("age_max").isInt()) {
            return "targeting needs geo_locations.countries, age_min and age_max";
        }
        if (!t.path("targeting_automation").path("advantage_audience").isInt()) {
            return "Advantage audience flag required: set targeting_automation.advantage_audience to 0 or 1";
        }
        return "PAUSED".equals(f.get("status")) ? null : "status";
    }

    private static boolean exists(Account account, String id, String kind) {
        return id != null && account.objects.containsKey(id) && account.objects.get(id).kind.equals(kind);
    }

    private ResponseDefinition list(Account account, String kind, String filtering) {
        String name = filtering == null ? null : JSON.readTree(filtering).path(0).path("value").asString(null);
        var data = JSON.createArrayNode();
        account.objects.forEach((id, o) -> {
            if (o.kind.equals(kind) && (name == null || name.equals(o.name))) {
                data.addObject().put("id", id).put("name", o.name);
            }
        });
        return ok("{\"data\":" + data + "}");
    }

    private ResponseDefinition insights(String id, Obj o) {
        String effective = "ACTIVE".equals(o.status) ? "ACTIVE" : "PAUSED";
        return ok("{\"id\":\"" + id + "\",\"effective_status\":\"" + effective + "\",\"insights\":{\"data\":[{"
                + "\"spend\":\"" + o.spend + "\",\"impressions\":\"1000\",\"reach\":\"800\",\"actions\":[{\"action_type\":"
                + "\"post_engagement\",\"value\":\"50\"},{\"action_type\":\"like\",\"value\":\"30\"}],"
                + "\"video_play_actions\":[{\"action_type\":\"video_view\",\"value\":\"400\"}],"
                + "\"video_thruplay_watched_actions\":[{\"action_type\":\"video_view\",\"value\":\"120\"}],"
                + "\"video_continuous_2_sec_watched_actions\":[{\"action_type\":\"video_view\",\"value\":\"250\"}],"
                + "\"date_start\":\"2026-12-01\",\"date_stop\":\"2026-12-07\"}]}}");
    }

    static ResponseDefinition ok(String body) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }

    static ResponseDefinition error(int status, int code, int subcode, String message) {
        var b = new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                        + ",\"error_subcode\":" + subcode + ",\"fbtrace_id\":\"AbC\"}}");
        if (code == 80004) {
            b.withHeader("X-Business-Use-Case-Usage", "{\"1234\":[{\"type\":\"ads_management\","
                    + "\"call_count\":100,\"total_cputime\":20,\"total_time\":25,"
                    + "\"estimated_time_to_regain_access\":7}]}");
        }
        return b.build();
    }

    private static Map<String, String> form(String body) {
        var fields = new HashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
