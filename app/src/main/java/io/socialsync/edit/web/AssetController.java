package io.socialsync.edit.web;

import io.socialsync.domain.NotFound;
import io.socialsync.edit.Asset;
import io.socialsync.edit.Assets;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.socialsync.web.Answers;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import java.time.Duration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Edit outputs: metadata, and the file as a redirect to a signed storage link (Range supported there). */
@RestController
public class AssetController {
    private static final Duration LINK_TTL = Duration.ofHours(1);
    private final Assets assets;
    private final Storage storage;

    public AssetController(Assets assets, Storage storage) {
        this.assets = assets;
        this.storage = storage;
    }

    @GetMapping("/assets/{id}")
    AssetView asset(Caller caller, @PathVariable long id) {
        return AssetView.of(find(caller, id));
    }

    @GetMapping("/assets/{id}/file")
    @Answers(302)
    ResponseEntity<Void> file(Caller caller, @PathVariable long id) {
        var url = storage.signedUrl(StorageKey.of(find(caller, id).storageKey()), LINK_TTL);
        return ResponseEntity.status(HttpStatus.FOUND).location(url).build();
    }

    private Asset find(Caller caller, long id) {
        return assets.byId(caller.workspaceId(), id).orElseThrow(() -> new NotFound("asset", id));
    }
}
