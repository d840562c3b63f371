package io.socialsync.health;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}, where the seed's MoviePy service answered its callers' liveness checks: no key needed,
 * {@code 200 {"status": "healthy"}} while the node takes traffic, {@code 503 {"status": "unhealthy"}} otherwise.
 * The detailed probes stay at {@code /actuator/health}.
 */
@RestController
class HealthController {
    private final ApplicationAvailability availability;

    HealthController(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping("/health")
    @Operation(summary = "The seed's health check: healthy (200) or unhealthy (503)")
    ResponseEntity<Map<String, String>> health() {
        boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        return ResponseEntity.status(ready ? 200 : 503).body(Map.of("status", ready ? "healthy" : "unhealthy",
                "service", "socialsync"));
    }
}
