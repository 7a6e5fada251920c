package dev.guardian.traffic.replay;

import java.nio.file.Path;

/**
 * The samples of one replayed file, sorted by time (stable: equal times keep file order).
 *
 * @param name how the file is named in the {@code file} label, e.g. {@code
 *     realKnownCause/nyc_taxi.csv}
 * @param skipped bad lines skipped
 */
public record ReplayFile(Path path, String name, long[] timestamps, double[] values, long skipped) {

    public int size() {
        return timestamps.length;
    }

    public long first() {
        return timestamps[0];
    }

    public long last() {
        return timestamps[timestamps.length - 1];
    }
}
