package io.socialsync.arch;

import com.tngtech.archunit.library.freeze.ViolationLineMatcher;

/**
 * A frozen cycle is known by its path (feature a -> feature b -> feature a), not by the list of dependencies
 * ArchUnit prints under it: adding or renaming a method on an already recorded cycle is not a new violation.
 * Every other violation must match exactly (FeatureBoundariesTest words them without line numbers).
 */
public final class CyclePathMatcher implements ViolationLineMatcher {

    private static final String DETAILS = "\n  1. Dependencies of";

    @Override
    public boolean matches(String known, String actual) {
        if (known.startsWith("Cycle detected:") && actual.startsWith("Cycle detected:")) {
            return path(known).equals(path(actual));
        }
        return known.equals(actual);
    }

    private static String path(String cycle) {
        int at = cycle.indexOf(DETAILS);
        return at < 0 ? cycle : cycle.substring(0, at);
    }
}
