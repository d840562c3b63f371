package io.socialsync.webapp.settings;

import io.socialsync.ledger.Actor;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.socialsync.webapp.Times;
import io.socialsync.webhooks.WebhookDelivery;
import io.socialsync.webhooks.WebhookEndpoint;
import io.socialsync.webhooks.WebhookService;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Outbound webhooks and their deliveries (the /webhooks API): everyone reads, editors add, test and disable. */
@Controller
class WebhookSettings {
    private static final int RECENT = 5;
    private static final int PAGE = 50;
    private final WebhookService webhooks;

    WebhookSettings(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** An endpoint and its latest deliveries. */
    public record Endpoint(long id, String url, String events, boolean active, String created,
                           List<Delivery> deliveries) {
        static Endpoint of(WebhookEndpoint e, List<WebhookDelivery> deliveries) {
            return new Endpoint(e.id(), e.url(), String.join(", ", e.eventTypes()), e.active(),
                    Times.show(e.createdAt()), deliveries.stream().map(Delivery::of).toList());
        }
    }

    /** A delivery: its event, how its attempts went, when. */
    public record Delivery(long id, String event, String state, int attempts, Integer status, String error,
                           String created, String finished) {
        static Delivery of(WebhookDelivery d) {
            return new Delivery(d.id(), d.eventType(), d.state().name(), d.attempts(), d.lastStatus(), d.lastError(),
                    Times.show(d.createdAt()), Times.show(d.deliveredAt() != null ? d.deliveredAt() : d.failedAt()));
        }
    }

    @GetMapping("/app/settings/webhooks")
    String page(Caller caller, Model model) {
        long ws = caller.workspaceId();
        model.addAttribute("endpoints", webhooks.list(ws).stream()
                .map(e -> Endpoint.of(e, webhooks.deliveries(ws, e.id(), null, RECENT))).toList());
        return SettingsTabs.show(caller, model, "webhooks", "webapp/settings/webhooks");
    }

    @GetMapping("/app/settings/webhooks/{id}")
    String endpoint(Caller caller, @PathVariable long id, Model model) {
        long ws = caller.workspaceId();
        var endpoint = Endpoint.of(webhooks.get(ws, id), webhooks.deliveries(ws, id, null, PAGE));
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("deliveries", endpoint.deliveries()); // the table fragment's parameter, read here directly
        return SettingsTabs.show(caller, model, "webhooks", "webapp/settings/webhook");
    }

    /** The signing secret is in this answer only, never in the session: as ApiKeySettings#create. */
    @PostMapping("/app/settings/webhooks")
    String create(Caller caller, @RequestParam(required = false) String url,
                  @RequestParam(name = "event_types", required = false) String eventTypes, Model model) {
        caller.require(Role.EDITOR);
        List<String> types = eventTypes == null || eventTypes.isBlank() ? null
                : Arrays.stream(eventTypes.split("[,\\s]+")).filter(t -> !t.isBlank()).toList();
        var created = webhooks.register(caller.workspaceId(), url == null ? "" : url, types, Actor.of(caller));
        model.addAttribute("notice", "Webhook " + created.id() + " added. Its signing secret is shown this once:");
        model.addAttribute("secret", created.secret());
        return page(caller, model);
    }

    @PostMapping("/app/settings/webhooks/{id}/test")
    String test(Caller caller, @PathVariable long id, RedirectAttributes flash) {
        caller.require(Role.EDITOR);
        var delivery = webhooks.ping(caller.workspaceId(), id);
        flash.addFlashAttribute("notice", "Test delivery " + delivery.id() + " queued.");
        return "redirect:/app/settings/webhooks/" + id;
    }

    @PostMapping("/app/settings/webhooks/{id}/disable")
    String disable(Caller caller, @PathVariable long id, RedirectAttributes flash) {
        caller.require(Role.EDITOR);
        webhooks.deactivate(caller.workspaceId(), id, Actor.of(caller));
        flash.addFlashAttribute("notice", "Webhook " + id + " disabled; its deliveries stay listed.");
        return "redirect:/app/settings/webhooks";
    }
}
