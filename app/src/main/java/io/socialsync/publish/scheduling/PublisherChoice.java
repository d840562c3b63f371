package io.socialsync.publish.scheduling;

import io.socialsync.accounts.SocialAccounts;
import io.socialsync.publish.Publication;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who posts a publication when it falls due: {@code internal} (our platform publisher, a PUBLISH job) or
 * {@code external} (an orchestrator claims it from {@code GET /publishing/next}). Chosen per request
 * ({@code "publisher"} when scheduling); otherwise internal when the account has an access token, since without
 * one only an outside poster can publish. Decided at queue time, in the tick's transaction, and then fixed.
 */
@Component
class PublisherChoice {
    static final String INTERNAL = "internal";
    static final String EXTERNAL = "external";
    private final JdbcClient jdbc;
    private final SocialAccounts accounts;

    PublisherChoice(JdbcClient jdbc, SocialAccounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** The ids among {@code due} that go to the orchestrator; one query for the batch. */
    Set<Long> external(Collection<Publication> due) {
        if (due.isEmpty()) {
            return Set.of();
        }
        List<Long> ids = due.stream().map(Publication::id).toList();
        Map<Long, String> chosen = jdbc.sql("SELECT id, publisher FROM publications WHERE id IN (:ids)")
                .param("ids", ids).query((rs, n) -> Map.entry(rs.getLong(1), String.valueOf(rs.getString(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Set<Long> withToken = accounts.withAccessToken(due.stream().map(Publication::socialAccountId).distinct().toList());
        return due.stream().filter(p -> switch (chosen.getOrDefault(p.id(), "null")) {
            case EXTERNAL -> true;
            case INTERNAL -> false;
            default -> !withToken.contains(p.socialAccountId());
        }).map(Publication::id).collect(Collectors.toSet());
    }

    /** Records who posts {@code ps} once they are queued; one statement for the batch. */
    void fixAll(Collection<Publication> ps, String publisher) {
        if (!ps.isEmpty()) {
            jdbc.sql("UPDATE publications SET publisher = :publisher WHERE id IN (:ids)").param("publisher", publisher)
                    .param("ids", ps.stream().map(Publication::id).toList()).update();
        }
    }
}
