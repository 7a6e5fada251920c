package dev.guardian.billing.detect;

import dev.guardian.billing.forecast.ForecastBands;

/** The latest hourly forecast of a key, kept to judge the hours it covers. A Flink POJO. */
public class StoredForecast {

    /** Start of the first forecast hour. */
    public long origin;

    public double[] expected;
    public double[] upper80;
    public double[] lower95;
    public double[] upper95;

    public StoredForecast() {}

    public static StoredForecast of(long origin, ForecastBands bands) {
        StoredForecast f = new StoredForecast();
        f.origin = origin;
        f.expected = bands.expected;
        f.upper80 = bands.upper80;
        f.lower95 = bands.lower95;
        f.upper95 = bands.upper95;
        return f;
    }

    /** Index of the hour in the forecast, or -1 if it does not cover it. */
    public int indexOf(long hourStart) {
        long offset = hourStart - origin;
        if (offset < 0 || offset % HourlyHistory.HOUR != 0) {
            return -1;
        }
        int index = (int) (offset / HourlyHistory.HOUR);
        return index < expected.length ? index : -1;
    }
}
