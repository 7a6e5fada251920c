package dev.guardian.logs.traffic;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * The shop whose logs {@code guardian generate logs} writes: seven services, each with replicas, a
 * logger, and the lines it logs with their levels and weights (mostly INFO, a few WARN, about one
 * ERROR in a hundred). Some lines carry e-mail addresses and bearer tokens, as real ones do, so
 * redaction has work.
 */
final class ServiceCatalog {

    /** One kind of line: its level, relative weight and how its text is made. */
    record Line(String level, double weight, Function<Random, String> text) {}

    /** A service: its share of all lines, replicas, logger and lines. */
    record Service(String name, double share, int replicas, String logger, List<Line> lines) {

        String host(int replica) {
            return name + "-" + (replica + 1);
        }

        List<Line> errors() {
            return lines.stream().filter(l -> l.level().equals("ERROR")).toList();
        }
    }

    static final List<Service> SERVICES =
            List.of(
                    new Service(
                            "api-gateway",
                            0.26,
                            3,
                            "gateway.access",
                            List.of(
                                    info(
                                            30,
                                            r ->
                                                    "GET /api/v1/products/"
                                                            + r.nextInt(5000)
                                                            + " 200 "
                                                            + ms(r, 12)
                                                            + "ms client="
                                                            + ip(r)),
                                    info(
                                            14,
                                            r ->
                                                    "GET /api/v1/search?q="
                                                            + word(r)
                                                            + " 200 "
                                                            + ms(r, 40)
                                                            + "ms client="
                                                            + ip(r)),
                                    info(
                                            8,
                                            r ->
                                                    "POST /api/v1/cart/"
                                                            + uuid(r)
                                                            + "/items 201 "
                                                            + ms(r, 25)
                                                            + "ms client="
                                                            + ip(r)),
                                    info(
                                            4,
                                            r ->
                                                    "POST /api/v1/checkout 202 "
                                                            + ms(r, 90)
                                                            + "ms client="
                                                            + ip(r)),
                                    info(2, r -> "rate limit bucket refilled for client " + ip(r)),
                                    warn(
                                            1,
                                            r ->
                                                    "slow upstream response from "
                                                            + pick(
                                                                    r,
                                                                    "search",
                                                                    "inventory",
                                                                    "checkout")
                                                            + " took "
                                                            + (800 + r.nextInt(2000))
                                                            + "ms"),
                                    warn(
                                            0.4,
                                            r ->
                                                    "GET /api/v1/products/"
                                                            + r.nextInt(5000)
                                                            + " 404 "
                                                            + ms(r, 5)
                                                            + "ms client="
                                                            + ip(r)),
                                    error(
                                            0.3,
                                            r ->
                                                    "upstream "
                                                            + pick(
                                                                    r,
                                                                    "search",
                                                                    "inventory",
                                                                    "checkout")
                                                            + " returned 503 for GET /api/v1/products/"
                                                            + r.nextInt(5000)))),
                    new Service(
                            "checkout",
                            0.12,
                            2,
                            "com.shop.checkout.OrderService",
                            List.of(
                                    info(
                                            10,
                                            r ->
                                                    "order "
                                                            + order(r)
                                                            + " created for customer "
                                                            + customer(r)
                                                            + " with "
                                                            + (1 + r.nextInt(6))
                                                            + " items total "
                                                            + amount(r)
                                                            + " EUR"),
                                    info(
                                            8,
                                            r ->
                                                    "order "
                                                            + order(r)
                                                            + " confirmed, payment "
                                                            + charge(r)
                                                            + " captured"),
                                    info(3, r -> "sending order confirmation to " + email(r)),
                                    warn(
                                            0.6,
                                            r ->
                                                    "retrying stock reservation for order "
                                                            + order(r)
                                                            + " (attempt "
                                                            + (1 + r.nextInt(3))
                                                            + "/3)"),
                                    error(
                                            0.25,
                                            r ->
                                                    "failed to reserve stock for order "
                                                            + order(r)
                                                            + ": item "
                                                            + sku(r)
                                                            + " out of stock"),
                                    error(
                                            0.1,
                                            r ->
                                                    "payment service timeout after 3000 ms for order "
                                                            + order(r)))),
                    new Service(
                            "payments",
                            0.10,
                            2,
                            "com.shop.payments.Gateway",
                            List.of(
                                    info(
                                            10,
                                            r ->
                                                    "charge "
                                                            + charge(r)
                                                            + " authorized amount="
                                                            + amount(r)
                                                            + " currency=EUR card=****"
                                                            + (1000 + r.nextInt(9000))),
                                    info(
                                            2,
                                            r ->
                                                    "refund "
                                                            + refund(r)
                                                            + " completed for charge "
                                                            + charge(r)),
                                    debug(
                                            1,
                                            r ->
                                                    "POST https://api.psp.example.com/v1/charges Authorization: Bearer "
                                                            + token(r)),
                                    warn(
                                            0.8,
                                            r ->
                                                    "3-D Secure challenge required for charge "
                                                            + charge(r)),
                                    error(
                                            0.2,
                                            r ->
                                                    "card declined for charge "
                                                            + charge(r)
                                                            + ": "
                                                            + pick(
                                                                    r,
                                                                    "insufficient_funds",
                                                                    "expired_card",
                                                                    "do_not_honor")))),
                    new Service(
                            "inventory",
                            0.14,
                            2,
                            "inventory.sync",
                            List.of(
                                    info(
                                            10,
                                            r ->
                                                    "reserved "
                                                            + (1 + r.nextInt(5))
                                                            + " units of "
                                                            + sku(r)
                                                            + " in warehouse "
                                                            + pick(r, "AMS1", "FRA2", "MAD1")),
                                    info(
                                            6,
                                            r ->
                                                    "stock level for "
                                                            + sku(r)
                                                            + " is "
                                                            + r.nextInt(400)),
                                    info(
                                            1,
                                            r ->
                                                    "sync with ERP finished: "
                                                            + r.nextInt(2000)
                                                            + " items updated in "
                                                            + ms(r, 900)
                                                            + " ms"),
                                    warn(
                                            0.6,
                                            r ->
                                                    "stock for "
                                                            + sku(r)
                                                            + " below threshold ("
                                                            + r.nextInt(10)
                                                            + " < 10)"),
                                    error(
                                            0.15,
                                            r ->
                                                    "database deadlock detected, transaction tx-"
                                                            + r.nextInt(1_000_000)
                                                            + " rolled back"))),
                    new Service(
                            "search",
                            0.20,
                            3,
                            "search.query",
                            List.of(
                                    info(
                                            20,
                                            r ->
                                                    "query \""
                                                            + word(r)
                                                            + "\" returned "
                                                            + r.nextInt(900)
                                                            + " hits in "
                                                            + ms(r, 30)
                                                            + " ms"),
                                    info(
                                            1,
                                            r ->
                                                    "index segment merge finished in "
                                                            + ms(r, 600)
                                                            + " ms"),
                                    warn(
                                            0.5,
                                            r ->
                                                    "query \""
                                                            + word(r)
                                                            + "\" took "
                                                            + (500 + r.nextInt(1500))
                                                            + " ms, above the 500 ms budget"),
                                    error(
                                            0.12,
                                            r ->
                                                    "shard "
                                                            + r.nextInt(8)
                                                            + " unavailable, returning partial results"))),
                    new Service(
                            "auth",
                            0.10,
                            2,
                            "auth.session",
                            List.of(
                                    info(
                                            10,
                                            r ->
                                                    "user "
                                                            + customer(r)
                                                            + " logged in from "
                                                            + ip(r)),
                                    info(8, r -> "session " + uuid(r) + " refreshed"),
                                    info(2, r -> "password reset requested for " + email(r)),
                                    warn(
                                            0.8,
                                            r ->
                                                    "failed login for user "
                                                            + customer(r)
                                                            + " from "
                                                            + ip(r)
                                                            + " (attempt "
                                                            + (1 + r.nextInt(5))
                                                            + ")"),
                                    error(
                                            0.1,
                                            r ->
                                                    "LDAP connection to ldap://10.0.3."
                                                            + r.nextInt(20)
                                                            + ":389 lost"))),
                    new Service(
                            "notifications",
                            0.08,
                            1,
                            "notify.worker",
                            List.of(
                                    info(
                                            10,
                                            r ->
                                                    "delivered push notification "
                                                            + uuid(r)
                                                            + " to device "
                                                            + token(r).substring(0, 16)),
                                    info(
                                            3,
                                            r ->
                                                    "email batch "
                                                            + r.nextInt(100000)
                                                            + " sent: "
                                                            + r.nextInt(500)
                                                            + " messages"),
                                    warn(
                                            0.5,
                                            r ->
                                                    "APNs feedback: device token "
                                                            + token(r).substring(0, 16)
                                                            + " is no longer valid"),
                                    error(
                                            0.15,
                                            r ->
                                                    "SMTP server smtp.example.com:587 refused connection"))));

    /** The never-seen error of incident {@code new-exception}, per service. */
    static Line newException(Service service) {
        String cls = "com.shop." + service.name().replace("-", "") + ".ConnectionPool";
        return error(
                1,
                r ->
                        "java.lang.IllegalStateException: connection pool shut down while acquiring a connection for request "
                                + uuid(r)
                                + " at "
                                + cls
                                + ".acquire(ConnectionPool.java:"
                                + (200 + r.nextInt(3))
                                + ")");
    }

    static Service named(String name) {
        for (Service s : SERVICES) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown service '"
                        + name
                        + "'; services: "
                        + SERVICES.stream().map(Service::name).toList());
    }

    private ServiceCatalog() {}

    private static Line info(double w, Function<Random, String> text) {
        return new Line("INFO", w, text);
    }

    private static Line debug(double w, Function<Random, String> text) {
        return new Line("DEBUG", w, text);
    }

    private static Line warn(double w, Function<Random, String> text) {
        return new Line("WARN", w, text);
    }

    private static Line error(double w, Function<Random, String> text) {
        return new Line("ERROR", w, text);
    }

    private static final String[] WORDS = {
        "running shoes", "rain jacket", "coffee grinder", "usb-c cable", "desk lamp", "yoga mat",
        "headphones", "backpack", "water bottle", "phone case", "sunglasses", "kettle"
    };

    private static String word(Random r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    /** Latency with a long tail around {@code median} ms. */
    private static long ms(Random r, int median) {
        return Math.max(1, Math.round(median * Math.exp(0.6 * r.nextGaussian())));
    }

    private static String ip(Random r) {
        return "10." + r.nextInt(4) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String uuid(Random r) {
        return new java.util.UUID(r.nextLong(), r.nextLong()).toString();
    }

    private static String order(Random r) {
        return "ORD-" + (100000 + r.nextInt(900000));
    }

    private static String charge(Random r) {
        return "ch_" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
    }

    private static String refund(Random r) {
        return "re_" + Long.toString(r.nextLong() & Long.MAX_VALUE, 36);
    }

    private static String customer(Random r) {
        return "cust" + (1000 + r.nextInt(90000));
    }

    private static String email(Random r) {
        return customer(r) + "@" + pick(r, "example.com", "mail.example.org", "shop.test");
    }

    private static String sku(Random r) {
        return "SKU-" + (10000 + r.nextInt(90000));
    }

    private static String amount(Random r) {
        return String.format(Locale.ROOT, "%.2f", 5 + 200 * r.nextDouble());
    }

    private static String token(Random r) {
        return Long.toHexString(r.nextLong())
                + Long.toHexString(r.nextLong())
                + Long.toHexString(r.nextLong());
    }
}
