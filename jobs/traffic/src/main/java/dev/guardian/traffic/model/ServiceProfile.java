package dev.guardian.traffic.model;

/**
 * The typical shape of one service at peak load: request rate per instance, p95 latency, how much
 * CPU a unit of load costs, memory limit, and how deep its work queue runs.
 */
enum ServiceProfile {
    GATEWAY("gateway", 900, 0.040, 0.55, 2, 5),
    AUTH("auth", 400, 0.025, 0.40, 1, 2),
    CHECKOUT("checkout", 120, 0.350, 0.60, 4, 40),
    PAYMENTS("payments", 60, 0.600, 0.35, 2, 25),
    CART("cart", 250, 0.060, 0.45, 2, 10),
    CATALOG("catalog", 500, 0.080, 0.50, 4, 8),
    SEARCH("search", 300, 0.180, 0.75, 8, 30),
    RECOMMENDATIONS("recommendations", 200, 0.250, 0.70, 8, 60),
    INVENTORY("inventory", 150, 0.090, 0.40, 2, 15),
    ORDERS("orders", 90, 0.150, 0.45, 4, 50),
    SHIPPING("shipping", 40, 0.200, 0.30, 2, 120),
    NOTIFICATIONS("notifications", 70, 0.120, 0.35, 1, 400);

    final String service;
    final double peakRequestsPerSecond;
    final double p95LatencySeconds;
    final double cpuAtPeak;
    final long memoryLimitBytes;
    final double queueDepthAtPeak;

    ServiceProfile(
            String service,
            double peakRequestsPerSecond,
            double p95LatencySeconds,
            double cpuAtPeak,
            int memoryLimitGiB,
            double queueDepthAtPeak) {
        this.service = service;
        this.peakRequestsPerSecond = peakRequestsPerSecond;
        this.p95LatencySeconds = p95LatencySeconds;
        this.cpuAtPeak = cpuAtPeak;
        this.memoryLimitBytes = memoryLimitGiB * (1L << 30);
        this.queueDepthAtPeak = queueDepthAtPeak;
    }
}
