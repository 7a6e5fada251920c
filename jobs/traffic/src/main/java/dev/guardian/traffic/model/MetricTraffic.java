package dev.guardian.traffic.model;

import java.time.Duration;

/**
 * Turns the model into a stream of points at a fixed rate: point {@code k} samples series {@code k
 * mod seriesCount} at {@code start + k / rate}. Every series is thus sampled at the same interval
 * (its scrape interval, {@code seriesCount / rate}), and with the default start of "now" the
 * timestamps follow the wall clock when the points are sent at the rate.
 */
public final class MetricTraffic {

    private final MetricTrafficModel model;
    private final long startMillis;
    private final double pointsPerSecond;
    private long next;

    public MetricTraffic(MetricTrafficModel model, long startMillis, double pointsPerSecond) {
        if (!(pointsPerSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive, got " + pointsPerSecond);
        }
        this.model = model;
        this.startMillis = startMillis;
        this.pointsPerSecond = pointsPerSecond;
    }

    /** The timestamp of point {@code k}. */
    public long timestampOf(long k) {
        return startMillis + (long) Math.floor(k * 1000.0 / pointsPerSecond);
    }

    public GeneratedPoint next() {
        long k = next++;
        Series series = model.fleet().series((int) (k % model.fleet().size()));
        long t = timestampOf(k);
        return new GeneratedPoint(series, t, model.sample(series.index(), t));
    }

    /** How many points {@link #next()} has produced. */
    public long produced() {
        return next;
    }

    /** How often each series gets a point. */
    public Duration seriesInterval() {
        return Duration.ofNanos((long) (model.fleet().size() * 1e9 / pointsPerSecond));
    }
}
