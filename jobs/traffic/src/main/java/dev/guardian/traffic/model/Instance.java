package dev.guardian.traffic.model;

import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One running process of a service on one host, with the traits that make it differ from its
 * siblings (traffic share, curve phase, disk usage, how often it restarts). Traits are drawn from
 * the seed and the instance's index only.
 */
public final class Instance {

    private static final long HOUR_MS = 3_600_000L;

    final int index;
    final ServiceProfile profile;
    final Region region;
    final String env;
    final String host;
    final String zone;
    final Map<String, String> labels;

    /** Share of the service's peak traffic this instance takes; staging takes a sliver. */
    final double trafficShare;

    final double phaseMinutes;
    final double errorRatio;
    final double gcPeriodSeconds;
    final long diskBytes;
    final double diskUsedFraction;
    final double diskWriteBytesPerSecond;
    final double diskCleanupPhaseHours;
    final double meanHoursBetweenRestarts;

    /** How long the process had been up when the simulation started. */
    final long initialUptimeMillis;

    Instance(int index, long seed) {
        this.index = index;
        Region[] regions = Region.values();
        ServiceProfile[] services = ServiceProfile.values();
        this.region = regions[index % regions.length];
        this.profile = services[(index / regions.length) % services.length];
        int replica = index / (regions.length * services.length);
        this.env = replica % 5 == 4 ? "staging" : "prod";
        this.host = String.format("%s-%s-%02d", profile.service, region.shortCode, replica);
        this.zone = region.code + (char) ('a' + replica % 3);
        Map<String, String> l = new TreeMap<>();
        l.put("env", env);
        l.put("host", host);
        l.put("region", region.code);
        l.put("service", profile.service);
        l.put("zone", zone);
        this.labels = Collections.unmodifiableMap(l);

        SplittableRandom r = Seeds.random(seed, index, 0x1A57A11CEL);
        this.trafficShare = (env.equals("prod") ? 1.0 : 0.05) * (0.75 + 0.5 * r.nextDouble());
        this.phaseMinutes = -40 + 80 * r.nextDouble();
        this.errorRatio = 0.001 + 0.009 * r.nextDouble();
        this.gcPeriodSeconds = 90 + 150 * r.nextDouble();
        this.diskBytes = (long) (100 + 400 * r.nextInt(3) / 2.0) * 1_000_000_000L;
        this.diskUsedFraction = 0.3 + 0.4 * r.nextDouble();
        this.diskWriteBytesPerSecond = 50_000 + 2_000_000 * r.nextDouble();
        this.diskCleanupPhaseHours = 6 * r.nextDouble();
        this.meanHoursBetweenRestarts = 6 + 18 * r.nextDouble();
        this.initialUptimeMillis = (long) (r.nextDouble() * 72 * HOUR_MS);
    }

    public String host() {
        return host;
    }

    public String service() {
        return profile.service;
    }

    public String region() {
        return region.code;
    }

    public String env() {
        return env;
    }

    /** host, service, region, zone and env, sorted by name. */
    public Map<String, String> labels() {
        return labels;
    }
}
