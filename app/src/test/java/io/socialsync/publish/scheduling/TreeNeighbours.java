package io.socialsync.publish.scheduling;

import java.time.Instant;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/** An account's calendar in memory: what the index-backed queries answer, for the pure planner tests. */
final class TreeNeighbours implements SlotPlanner.Neighbours {
    final NavigableSet<Instant> slots = new TreeSet<>();

    @Override
    public Optional<Instant> atOrBefore(Instant t) {
        return Optional.ofNullable(slots.floor(t));
    }

    @Override
    public Optional<Instant> after(Instant t) {
        return Optional.ofNullable(slots.higher(t));
    }
}
