package io.socialsync.ledger;

import io.socialsync.web.Caller;

/** Who caused a ledger event: an API key, a person, a worker process, the CLI or the system itself. */
public record Actor(String value) {
    public static final Actor SYSTEM = new Actor("system");
    public static final Actor CLI = new Actor("cli");

    public static Actor apiKey(long id) {
        return new Actor("api_key:" + id);
    }

    public static Actor user(long id) {
        return new Actor("user:" + id);
    }

    /** The API key or the person a request came with. */
    public static Actor of(Caller caller) {
        return switch (caller.credential()) {
            case Caller.Key k -> apiKey(k.id());
            case Caller.Person p -> user(p.userId());
        };
    }

    public static Actor worker(String name) {
        return new Actor("worker:" + name);
    }

    @Override
    public String toString() {
        return value;
    }
}
