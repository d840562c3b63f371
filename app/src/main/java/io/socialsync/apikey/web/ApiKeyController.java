package io.socialsync.apikey.web;

import io.socialsync.apikey.ApiKey;
import io.socialsync.apikey.ApiKeyService;
import io.socialsync.domain.Invalid;
import io.socialsync.ledger.Actor;
import io.socialsync.web.ApiException;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin only: keys of the caller's workspace. The plain key is shown once, in the creation response. */
@RestController
@RequestMapping("/api-keys")
public class ApiKeyController {
    private final ApiKeyService apiKeys;

    public ApiKeyController(ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
    }

    public record CreateKey(@NotBlank @Size(max = 200) String name, @NotBlank String role) {
    }

    public record KeyView(long id, String name, String publicId, String role, Instant createdAt, Instant revokedAt,
                          String key) {
        static KeyView of(ApiKey k, String plain) {
            return new KeyView(k.id(), k.name(), k.publicId(), k.role().wire(), k.createdAt(), k.revokedAt(), plain);
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    KeyView create(Caller caller, @Valid @RequestBody CreateKey body) {
        caller.require(Role.ADMIN);
        Role role;
        try {
            role = Role.parse(body.role());
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
        var created = apiKeys.create(caller.workspaceId(), body.name(), role, Actor.of(caller));
        return KeyView.of(created.key(), created.plainKey());
    }

    @GetMapping
    List<KeyView> list(Caller caller) {
        caller.require(Role.ADMIN);
        return apiKeys.list(caller.workspaceId()).stream().map(k -> KeyView.of(k, null)).toList();
    }

    @PostMapping("/{id}/revoke")
    KeyView revoke(Caller caller, @PathVariable long id) {
        caller.require(Role.ADMIN);
        return KeyView.of(apiKeys.revoke(caller.workspaceId(), id, Actor.of(caller)), null);
    }
}
