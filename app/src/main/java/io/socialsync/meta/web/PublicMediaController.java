package io.socialsync.meta.web;

import io.socialsync.domain.NotFound;
import io.socialsync.meta.MetaPosts;
import io.socialsync.meta.downloads.PublicLinks;
import io.socialsync.storage.Storage;
import io.socialsync.storage.StorageKey;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A downloaded Meta media file by its permanent public link (SOCIALSYNC_META_PUBLIC_LINKS): no key, the token is
 * the credential (auth/SecurityConfig lets /public/meta-media/ through). An unknown token and a file gone are the
 * same 404, so a guess learns nothing.
 */
@RestController
class PublicMediaController {
    static final String PATH = "/public/meta-media/";
    private final PublicLinks links;
    private final MetaPosts posts;
    private final Storage storage;

    PublicMediaController(PublicLinks links, MetaPosts posts, Storage storage) {
        this.links = links;
        this.posts = posts;
        this.storage = storage;
    }

    static URI url(String base, String token) {
        return token == null ? null : URI.create(base.replaceAll("/+$", "") + PATH + token);
    }

    @GetMapping(PATH + "{token}")
    @Operation(summary = "A downloaded Meta media file by its permanent public link (no key: the link is the "
            + "credential)")
    void get(@PathVariable String token, HttpServletResponse response) throws IOException {
        var post = (token.length() > 64 ? java.util.Optional.<PublicLinks.Target>empty() : links.byToken(token))
                .flatMap(t -> posts.byId(t.workspaceId(), t.metaPostId()))
                .filter(p -> p.localKey() != null)
                .orElseThrow(() -> new NotFound("file", "by this link"));
        var key = StorageKey.of(post.localKey());
        var object = storage.stat(key).orElseThrow(() -> new NotFound("file", "by this link"));
        response.setContentType(post.contentType() == null ? "application/octet-stream" : post.contentType());
        response.setContentLengthLong(object.size());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
        try (InputStream in = storage.open(key)) {
            in.transferTo(response.getOutputStream());
        }
    }
}
