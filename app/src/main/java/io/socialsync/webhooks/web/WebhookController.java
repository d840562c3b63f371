package io.socialsync.webhooks.web;

import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Page;
import io.socialsync.web.Role;
import io.socialsync.webhooks.WebhookService;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Outbound webhooks of the caller's workspace: editors change them, viewers read them. */
@RestController
@RequestMapping("/webhooks")
public class WebhookController {
    private final WebhookService webhooks;

    public WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    public record CreateWebhook(@NotBlank @Size(max = 2000) String url, @Size(max = 50) List<String> eventTypes) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an endpoint; the response carries its signing secret, shown only this once")
    EndpointView create(Caller caller, @Valid @RequestBody CreateWebhook body) {
        caller.require(Role.EDITOR);
        return EndpointView.of(webhooks.register(caller.workspaceId(), body.url(), body.eventTypes(), Actor.of(caller)),
                true);
    }

    @GetMapping
    List<EndpointView> list(Caller caller) {
        return webhooks.list(caller.workspaceId()).stream().map(e -> EndpointView.of(e, false)).toList();
    }

    @GetMapping("/{id}")
    EndpointView get(Caller caller, @PathVariable long id) {
        return EndpointView.of(webhooks.get(caller.workspaceId(), id), false);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deactivate an endpoint; its deliveries stay visible")
    void deactivate(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        webhooks.deactivate(caller.workspaceId(), id, Actor.of(caller));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "Deliveries to an endpoint, newest first; pass next_cursor as before for older ones")
    Page<DeliveryView> deliveries(Caller caller, @PathVariable long id, @RequestParam(required = false) Long before,
                                  @RequestParam(required = false) Integer limit) {
        int size = Page.limit(limit, 50, 500);
        var items = webhooks.deliveries(caller.workspaceId(), id, before, size).stream().map(DeliveryView::of).toList();
        return Page.of(items, size, DeliveryView::id);
    }

    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Queue a ping event to the endpoint; follow it in its deliveries")
    DeliveryView test(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        return DeliveryView.of(webhooks.ping(caller.workspaceId(), id));
    }
}
