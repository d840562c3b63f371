package io.socialsync.bench.chaos;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One piece of the workload, driven through the API like a user would: upload a video → (analysis) → ask for an
 * Instagram variant of its best clip → (render) → schedule it on its own account → (publish). Each {@link #step}
 * looks once and moves on when it can; a request that fails (a node or the database is down) is simply tried
 * again at the next step, with the same idempotency key where the API has one.
 */
final class Flow {
    private static final Set<String> SETTLED = Set.of("posted", "failed", "unconfirmed", "cancelled");
    final int index;
    final String caption;
    private final byte[] video;
    private final long account;
    private final String run;
    private Stage stage = Stage.UPLOAD;
    Long videoId;
    private Long clipId;
    Long variantId;
    Long publicationId;
    String outcome;

    enum Stage { UPLOAD, ANALYSIS, RENDER_REQUEST, RENDER, SCHEDULE, PUBLISH, DONE }

    Flow(int index, String run, byte[] video, long account) {
        this.index = index;
        this.run = run;
        this.video = video;
        this.account = account;
        this.caption = "chaos " + run + " post " + index;
    }

    boolean done() {
        return stage == Stage.DONE;
    }

    Stage stage() {
        return stage;
    }

    void step(Api api) {
        switch (stage) {
            case UPLOAD -> {
                var a = api.upload(video, "chaos-" + index + ".mp4", run + "-upload-" + index);
                if (a.ok()) {
                    videoId = a.json().path("video").path("id").asLong();
                    stage = Stage.ANALYSIS;
                }
            }
            case ANALYSIS -> {
                var a = api.get("/videos/" + videoId);
                String state = a.json().path("state").asString("");
                if (state.equals("READY")) {
                    stage = Stage.RENDER_REQUEST;
                } else if (state.equals("REJECTED") || state.equals("FAILED")) {
                    finish("video " + state);
                }
            }
            case RENDER_REQUEST -> requestRender(api);
            case RENDER -> {
                String state = api.get("/variants/" + variantId).json().path("state").asString("");
                if (state.equals("READY")) {
                    stage = Stage.SCHEDULE;
                } else if (state.equals("FAILED")) {
                    finish("variant FAILED");
                }
            }
            case SCHEDULE -> schedule(api);
            case PUBLISH -> {
                String status = api.get("/publishing/" + publicationId).json().path("status").asString("");
                if (SETTLED.contains(status)) {
                    finish(status);
                }
            }
            case DONE -> { }
        }
    }

    /**
     * POST /clips/{id}/variants has no idempotency key: a request whose answer was lost may have created the
     * variant, so the clip is read first and a variant already there is adopted.
     */
    private void requestRender(Api api) {
        if (clipId == null) {
            var clips = api.get("/videos/" + videoId + "/clips");
            if (!clips.ok()) {
                return;
            }
            if (clips.json().isEmpty()) {
                finish("no clips");
                return;
            }
            clipId = clips.json().get(0).path("id").asLong();
        }
        var clip = api.get("/clips/" + clipId);
        if (!clip.ok()) {
            return;
        }
        JsonNode existing = clip.json().path("variants");
        if (!existing.isEmpty()) {
            variantId = existing.get(0).path("id").asLong();
            stage = Stage.RENDER;
            return;
        }
        var a = api.post("/clips/" + clipId + "/variants", "{\"platforms\":[\"instagram_reel\"],\"seed\":" + index + "}",
                null);
        if (a.ok()) {
            variantId = a.json().path("variants").get(0).path("id").asLong();
            stage = Stage.RENDER;
        }
    }

    private void schedule(Api api) {
        String body = Api.JSON.writeValueAsString(Map.of("clip_id", String.valueOf(clipId), "variant_id", variantId,
                "platform", "instagram", "social_account_id", String.valueOf(account),
                "scheduled_for", Instant.now().plusSeconds(5).toString(), "caption", caption));
        var a = api.post("/publishing/schedule", body, run + "-publish-" + index);
        if (!a.ok()) {
            return;
        }
        String id = a.json().path("publish_log_id").asString("");
        if (id.isEmpty()) {
            finish("schedule rejected: " + a.json().path("reason").asString(""));
        } else {
            publicationId = Long.parseLong(id);
            stage = Stage.PUBLISH;
        }
    }

    private void finish(String outcome) {
        this.outcome = outcome;
        stage = Stage.DONE;
    }
}
