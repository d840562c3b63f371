package io.socialsync.meta.web;

import io.socialsync.config.SocialSyncProperties;
import io.socialsync.domain.Invalid;
import io.socialsync.domain.NotFound;
import io.socialsync.ledger.Actor;
import io.socialsync.meta.MediaStatus;
import io.socialsync.meta.MetaPost;
import io.socialsync.meta.MetaPosts;
import io.socialsync.meta.downloads.MetaLibrary;
import io.socialsync.meta.downloads.PublicLinkRevocation;
import io.socialsync.meta.downloads.PublicLinks;
import io.socialsync.meta.webhooks.MetaCounters;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.web.Answers;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.Page;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Posts that Meta webhooks brought in, with their media download state; viewers read, editors add to the library. */
@RestController
@RequestMapping("/meta/posts")
class MetaPostsController {
    private static final Duration LINK_TTL = Duration.ofHours(1);
    private final MetaPosts posts;
    private final MetaCounters counters;
    private final MetaLibrary library;
    private final Storage storage;
    private final PublicLinks links;
    private final PublicLinkRevocation revocation;
    private final String base;

    MetaPostsController(MetaPosts posts, MetaCounters counters, MetaLibrary library, Storage storage,
                        PublicLinks links, PublicLinkRevocation revocation, SocialSyncProperties properties) {
        this.links = links;
        this.revocation = revocation;
        this.base = properties.storage().publicBaseUrl();
        this.posts = posts;
        this.counters = counters;
        this.library = library;
        this.storage = storage;
    }

    @GetMapping
    @Operation(summary = "Meta posts, newest first; filter by media_status; pass next_cursor as before for older ones")
    Page<MetaPostView> list(Caller caller, @RequestParam(name = "media_status", required = false) String status,
                            @RequestParam(required = false) Long before, @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit, 50, 500);
        var rows = posts.page(caller.workspaceId(), status(status), before, size);
        return Page.of(views(caller.workspaceId(), rows), size, MetaPostView::id);
    }

    @GetMapping("/{id}")
    MetaPostView get(Caller caller, @PathVariable long id) {
        var post = posts.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("meta post", id));
        return views(caller.workspaceId(), List.of(post)).getFirst();
    }

    @PostMapping("/{id}/add-to-library")
    @Operation(summary = "Turn a downloaded video into a library Video (the same content is the same Video)")
    @Answers({201, 200})
    ResponseEntity<Map<String, Object>> addToLibrary(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        var intake = library.add(caller.workspaceId(), id, Actor.of(caller));
        return ResponseEntity.status(intake.created() ? 201 : 200).body(Map.of("video_id", intake.video().id(),
                "created", intake.created()));
    }

    @DeleteMapping("/{id}/public-link")
    @Operation(summary = "End the post's permanent public link at once (a later download makes a new one)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokePublicLink(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        revocation.revoke(caller.workspaceId(), id, Actor.of(caller));
    }

    private List<MetaPostView> views(long workspaceId, List<MetaPost> rows) {
        var counts = counters.of(workspaceId, rows.stream().map(MetaPost::postId).toList());
        var tokens = links.of(workspaceId, rows.stream().map(MetaPost::id).toList());
        return rows.stream().map(p -> MetaPostView.of(p, link(p), PublicMediaController.url(base, tokens.get(p.id())),
                counts.getOrDefault(p.postId(), MetaCounters.Counts.NONE))).toList();
    }

    private URI link(MetaPost p) {
        return p.localKey() == null ? null : storage.signedUrl(StorageKey.of(p.localKey()), LINK_TTL);
    }

    private static MediaStatus status(String s) {
        if (s == null) {
            return null;
        }
        try {
            return MediaStatus.parse(s);
        } catch (IllegalArgumentException e) {
            throw new Invalid("media_status must be one of pending, downloading, success, error");
        }
    }
}
