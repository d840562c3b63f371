package io.socialsync.media.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How many more minimum-length clips fit in the gaps chosen clips leave. Greedy selection asks this before
 * taking a long clip, so a 60 s video yields three 15–20 s clips rather than one 55 s clip and no room.
 */
final class Room {
    private Room() {}

    static int left(List<Window> chosen, Window candidate, double duration, double minLength) {
        List<Window> taken = new ArrayList<>(chosen);
        taken.add(candidate);
        taken.sort(Comparator.comparingDouble(Window::start));
        int room = 0;
        double free = 0;
        for (Window w : taken) {
            room += (int) Math.floor((w.start() - free) / minLength + 1e-9);
            free = Math.max(free, w.end());
        }
        return room + (int) Math.floor((duration - free) / minLength + 1e-9);
    }
}
