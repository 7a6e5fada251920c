package dev.guardian.security.sigma;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The {@code cidr} modifier: IPv4 or IPv6 network membership. Event values that are not IP literals
 * (CloudTrail writes {@code AWS Internal} or a service host name) never match, and are never
 * resolved through DNS.
 */
final class CidrMatcher implements ValueMatcher {

    private final String network;
    private final byte[] prefix;
    private final int bits;

    CidrMatcher(String network) {
        this.network = network;
        int slash = network.indexOf('/');
        String address = slash < 0 ? network : network.substring(0, slash);
        this.prefix = parseLiteral(address.trim());
        if (prefix == null) {
            throw new IllegalArgumentException("not an IP network: '" + network + "'");
        }
        int max = prefix.length * 8;
        try {
            this.bits = slash < 0 ? max : Integer.parseInt(network.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad prefix length in '" + network + "'");
        }
        if (bits < 0 || bits > max) {
            throw new IllegalArgumentException("prefix length out of range in '" + network + "'");
        }
    }

    @Override
    public boolean matches(SigmaEvent event, List<JsonNode> values) {
        for (JsonNode value : values) {
            if (value.isTextual() && contains(value.textValue())) {
                return true;
            }
        }
        return false;
    }

    boolean contains(String ip) {
        byte[] address = parseLiteral(ip.trim());
        if (address == null || address.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (prefix[full] & mask);
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for anything else (no DNS lookups). */
    static byte[] parseLiteral(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return parseIpv4(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok =
                    Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '[' || c == ']';
            if (!ok) {
                return null;
            }
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static byte[] parseIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String o = octets[i];
            if (o.isEmpty() || o.length() > 3) {
                return null;
            }
            int v = 0;
            for (int j = 0; j < o.length(); j++) {
                char c = o.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                v = v * 10 + (c - '0');
            }
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    @Override
    public String toString() {
        return "cidr " + network;
    }
}
