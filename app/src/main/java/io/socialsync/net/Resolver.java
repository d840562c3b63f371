package io.socialsync.net;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How {@link UrlGuard} turns a DNS name into addresses. Only names reach it: IP literals are parsed by the guard
 * and ambiguous numeric hosts refused before any lookup. The seam lets tests give names any address, no real DNS.
 */
@FunctionalInterface
public interface Resolver {
    Resolver SYSTEM = InetAddress::getAllByName;

    /** @throws UnknownHostException when the name has no address (now) */
    InetAddress[] resolve(String name) throws UnknownHostException;
}
