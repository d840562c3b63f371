package io.socialsync.web;

import java.util.Locale;

/** Ordered from most to least powerful: a role allows everything the roles below it allow. */
public enum Role {
    ADMIN, EDITOR, VIEWER;

    public boolean allows(Role required) {
        return this.ordinal() <= required.ordinal();
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be one of admin, editor, viewer (got '" + s + "')");
        }
    }
}
