package io.socialsync.people;

import io.socialsync.domain.Invalid;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses: a light shape check (the link mailed is the real proof) and the case-insensitive key. */
final class Emails {
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private Emails() {
    }

    static String valid(String email) {
        String e = email == null ? "" : email.strip();
        if (e.length() > 320 || !SHAPE.matcher(e).matches()) {
            throw Invalid.field("email", "must be an email address");
        }
        return e;
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
