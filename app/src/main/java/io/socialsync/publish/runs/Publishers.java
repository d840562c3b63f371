package io.socialsync.publish.runs;

import io.socialsync.platforms.Platform;
import io.socialsync.platforms.Publisher;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The publisher of each platform; one per platform, found by Spring. */
@Component
public class Publishers {
    private final Map<Platform, Publisher> byPlatform = new EnumMap<>(Platform.class);

    public Publishers(List<Publisher> publishers) {
        publishers.forEach(p -> byPlatform.put(p.platform(), p));
    }

    public Optional<Publisher> of(Platform platform) {
        return Optional.ofNullable(byPlatform.get(platform));
    }
}
