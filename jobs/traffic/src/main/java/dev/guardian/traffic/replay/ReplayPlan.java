package dev.guardian.traffic.replay;

import dev.guardian.schemas.SeriesKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Replayed files as metric series, merged into one stream in time order. Each file becomes one
 * series (its metric name plus a {@code file} label) and, when shifted to now, moves as a block so
 * that its last sample lands on "now": spacing within a file is kept exactly.
 */
public final class ReplayPlan implements Iterable<ReplayPlan.ReplayPoint> {

    /** The label naming the file a series was replayed from. */
    public static final String FILE_LABEL = "file";

    /** NAB keeps its labels beside the data; names relative to that folder match its keys. */
    private static final String NAB_LABELS_FILE = "combined_labels.json";

    /** One file as a series. */
    public record Track(
            ReplayFile file,
            String name,
            Map<String, String> labels,
            String seriesKey,
            long shiftMillis) {}

    public record ReplayPoint(Track track, long timestampMillis, double value) {}

    private final List<Track> tracks;

    private ReplayPlan(List<Track> tracks) {
        this.tracks = tracks;
    }

    /**
     * @param name the metric name of every file; each file's own name otherwise
     * @param labels labels added to every series besides {@code file}
     * @param shiftToNow move each file so its last sample is at {@code nowMillis}
     */
    public static ReplayPlan of(
            List<ReplayFile> files,
            Optional<String> name,
            Map<String, String> labels,
            boolean shiftToNow,
            long nowMillis) {
        List<Track> tracks = new ArrayList<>();
        for (ReplayFile file : files) {
            String metric = name.orElseGet(() -> metricName(file.path()));
            Map<String, String> l = new TreeMap<>(labels);
            l.put(FILE_LABEL, file.name());
            Map<String, String> fixed = Collections.unmodifiableMap(l);
            long shift = shiftToNow ? nowMillis - file.last() : 0;
            tracks.add(new Track(file, metric, fixed, SeriesKey.of(metric, fixed), shift));
        }
        return new ReplayPlan(Collections.unmodifiableList(tracks));
    }

    public List<Track> tracks() {
        return tracks;
    }

    public long size() {
        return tracks.stream().mapToLong(t -> t.file().size()).sum();
    }

    /** The earliest timestamp to be sent, after shifting. */
    public long firstTimestamp() {
        return tracks.stream()
                .mapToLong(t -> t.file().first() + t.shiftMillis())
                .min()
                .orElseThrow();
    }

    /** Points whose timestamp, after shifting, is before {@code cutoffMillis}. */
    public long countBefore(long cutoffMillis) {
        long count = 0;
        for (Track track : tracks) {
            for (long t : track.file().timestamps()) {
                if (t + track.shiftMillis() < cutoffMillis) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Every point of every file, by shifted time; ties keep the order of the files. */
    @Override
    public Iterator<ReplayPoint> iterator() {
        PriorityQueue<int[]> cursors =
                new PriorityQueue<>(
                        Comparator.<int[]>comparingLong(c -> timestampAt(c[0], c[1]))
                                .thenComparingInt(c -> c[0]));
        for (int i = 0; i < tracks.size(); i++) {
            cursors.add(new int[] {i, 0});
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !cursors.isEmpty();
            }

            @Override
            public ReplayPoint next() {
                int[] cursor = cursors.poll();
                if (cursor == null) {
                    throw new NoSuchElementException();
                }
                Track track = tracks.get(cursor[0]);
                ReplayPoint point =
                        new ReplayPoint(
                                track,
                                timestampAt(cursor[0], cursor[1]),
                                track.file().values()[cursor[1]]);
                if (cursor[1] + 1 < track.file().size()) {
                    cursors.add(new int[] {cursor[0], cursor[1] + 1});
                }
                return point;
            }
        };
    }

    private long timestampAt(int track, int index) {
        Track t = tracks.get(track);
        return t.file().timestamps()[index] + t.shiftMillis();
    }

    /**
     * A Prometheus-valid metric name from the file name: {@code nyc_taxi.csv} is {@code nyc_taxi}.
     */
    public static String metricName(Path file) {
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        StringBuilder sb = new StringBuilder(base.length() + 1);
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            boolean valid =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || c == '_'
                            || c == ':'
                            || (i > 0 && c >= '0' && c <= '9');
            if (i == 0 && c >= '0' && c <= '9') {
                sb.append('_').append(c);
            } else {
                sb.append(valid ? c : '_');
            }
        }
        return sb.length() == 0 ? "replayed" : sb.toString();
    }

    /**
     * How a file is named in its {@code file} label: relative to the NAB data folder (the one
     * holding {@code combined_labels.json}), so it matches NAB's label keys such as {@code
     * realKnownCause/nyc_taxi.csv}; otherwise relative to the working directory; otherwise its file
     * name.
     */
    public static String displayName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Path dir = absolute.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(NAB_LABELS_FILE))) {
                return slashes(dir.relativize(absolute));
            }
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        if (absolute.startsWith(cwd)) {
            return slashes(cwd.relativize(absolute));
        }
        return absolute.getFileName().toString();
    }

    private static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
