package io.socialsync.ledger;

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

    public static Actor worker(String name) {
        return new Actor("worker:" + name);
    }

    @Override
    public String toString() {
        return value;
    }
}
