package io.socialsync.meta.web;

import io.socialsync.ledger.Actor;
import io.socialsync.meta.MetaPageService;
import io.socialsync.web.Caller;
import io.socialsync.web.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Which Facebook pages and Instagram accounts feed this workspace. Editors only, reads included. */
@RestController
@RequestMapping("/meta/pages")
class MetaPagesController {
    private final MetaPageService pages;

    MetaPagesController(MetaPageService pages) {
        this.pages = pages;
    }

    /** Meta's ids are decimal digits. */
    record ConnectPage(@Pattern(regexp = "[0-9]{1,64}") String pageId, @Pattern(regexp = "[0-9]{1,64}") String igUserId,
                       @NotBlank @Size(max = 200) String name) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Connect a Facebook page and/or Instagram account: its webhook events land in this workspace")
    MetaPageView connect(Caller caller, @Valid @RequestBody ConnectPage body) {
        caller.require(Role.EDITOR);
        return MetaPageView.of(pages.connect(caller.workspaceId(), body.pageId(), body.igUserId(), body.name().strip(),
                Actor.of(caller)));
    }

    @GetMapping
    List<MetaPageView> list(Caller caller) {
        caller.require(Role.EDITOR);
        return pages.list(caller.workspaceId()).stream().map(MetaPageView::of).toList();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disconnect(Caller caller, @PathVariable long id) {
        caller.require(Role.EDITOR);
        pages.disconnect(caller.workspaceId(), id, Actor.of(caller));
    }
}
