package dev.guardian.billing.eval;

import dev.guardian.billing.focus.CsvReader;
import dev.guardian.billing.focus.FocusCsv;
import dev.guardian.common.cli.UsageException;
import dev.guardian.schemas.BillingRecord;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Series to forecast from files: a NAB-style {@code timestamp,value} CSV is one series; a FOCUS CSV
 * export is one hourly EffectiveCost series per billing account × service (the charge categories
 * the job forecasts; a record id seen again replaces its earlier row, as in the job).
 */
public final class SeriesFiles {

    private static final DateTimeFormatter NAB_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    public static final long HOUR = 3_600_000L;

    private SeriesFiles() {}

    public static List<Series> read(Path file, Set<String> chargeCategories) throws IOException {
        List<String> header;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CsvReader csv = new CsvReader(reader)) {
            header = csv.next();
        }
        if (header == null) {
            throw new UsageException(file + " is empty");
        }
        return FocusCsv.isFocusHeader(header) ? focus(file, chargeCategories) : List.of(nab(file));
    }

    /** {@code timestamp,value} with a header; gaps are filled with the previous value. */
    static Series nab(Path file) throws IOException {
        List<Long> times = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CsvReader csv = new CsvReader(reader)) {
            csv.next();
            List<String> row;
            while ((row = csv.next()) != null) {
                if (row.size() < 2 || row.get(0) == null || row.get(1) == null) {
                    continue;
                }
                try {
                    times.add(
                            LocalDateTime.parse(row.get(0).strip(), NAB_TIME)
                                    .toInstant(ZoneOffset.UTC)
                                    .toEpochMilli());
                    values.add(Double.parseDouble(row.get(1).strip()));
                } catch (RuntimeException e) {
                    throw new UsageException(
                            file + " line " + csv.line() + ": not 'timestamp,value': " + row);
                }
            }
        }
        if (times.size() < 2) {
            throw new UsageException(file + " has fewer than two points");
        }
        Map<Long, Integer> gapCounts = new HashMap<>();
        for (int i = 1; i < times.size(); i++) {
            gapCounts.merge(times.get(i) - times.get(i - 1), 1, Integer::sum);
        }
        long step =
                gapCounts.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey();
        long start = times.get(0);
        int n = (int) ((times.get(times.size() - 1) - start) / step) + 1;
        double[] out = new double[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < times.size(); i++) {
            long offset = times.get(i) - start;
            if (offset % step == 0) {
                int index = (int) (offset / step);
                out[index] = values.get(i);
                seen[index] = true;
            }
        }
        for (int i = 1; i < n; i++) {
            if (!seen[i]) {
                out[i] = out[i - 1];
            }
        }
        return new Series(file.getFileName().toString(), start, step, out);
    }

    /** Hourly EffectiveCost per billing account × service; hours without cost are 0. */
    static List<Series> focus(Path file, Set<String> chargeCategories) throws IOException {
        Map<String, Object[]> latest = new HashMap<>(); // id -> {key, hour, cost}
        FocusCsv.read(
                file,
                row -> {
                    if (row.record == null) {
                        return;
                    }
                    BillingRecord r = row.record;
                    if (!chargeCategories.contains(r.getChargeCategory())) {
                        return;
                    }
                    String key = r.getBillingAccountId() + "|" + r.getServiceName();
                    long hour = Math.floorDiv(r.getChargePeriodStart().toEpochMilli(), HOUR) * HOUR;
                    String id =
                            r.getRecordId() != null
                                    ? r.getRecordId()
                                    : dev.guardian.billing.record.RecordIds.idOf(r);
                    latest.put(id, new Object[] {key, hour, r.getEffectiveCost().doubleValue()});
                });
        Map<String, TreeMap<Long, Double>> byKey = new TreeMap<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Object[] line : latest.values()) {
            long hour = (Long) line[1];
            byKey.computeIfAbsent((String) line[0], k -> new TreeMap<>())
                    .merge(hour, (Double) line[2], Double::sum);
            first = Math.min(first, hour);
            last = Math.max(last, hour);
        }
        Map<String, Series> series = new LinkedHashMap<>();
        for (Map.Entry<String, TreeMap<Long, Double>> e : byKey.entrySet()) {
            int n = (int) ((last - first) / HOUR) + 1;
            double[] values = new double[n];
            for (Map.Entry<Long, Double> point : e.getValue().entrySet()) {
                values[(int) ((point.getKey() - first) / HOUR)] = point.getValue();
            }
            series.put(e.getKey(), new Series(e.getKey(), first, HOUR, values));
        }
        return new ArrayList<>(series.values());
    }
}
