package io.socialsync.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A client address as every per-address limit counts it (the failed-auth throttle, the public forms' bucket):
 * IPv4 as it is, IPv6 by its /64, since one host usually owns the whole prefix and could otherwise rotate through
 * it for a fresh allowance with every request.
 */
public final class ClientAddress {
    private ClientAddress() {
    }

    /** {@code remoteAddr} is getRemoteAddr's literal, so this never asks DNS; anything else is kept as given. */
    public static String key(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.indexOf(':') < 0) {
            return remoteAddr;
        }
        try {
            var ip = InetAddress.getByName(remoteAddr);
            if (ip instanceof Inet6Address) {
                byte[] prefix = new byte[16];
                System.arraycopy(ip.getAddress(), 0, prefix, 0, 8);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return ip.getHostAddress();
        } catch (UnknownHostException e) {
            return remoteAddr;
        }
    }
}
