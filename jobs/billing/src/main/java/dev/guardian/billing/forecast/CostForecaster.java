package dev.guardian.billing.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Forecasts equally spaced series (hourly cost per account × service, or any seasonal series) from
 * their history: point forecasts with 80% and 95% intervals, and the month-end remainder. Called
 * with a batch of windows so that a model can score them in one call.
 */
public interface CostForecaster extends AutoCloseable {

    /** Model name as written in forecasts, e.g. {@code seasonal-ensemble} or {@code djl-mlp}. */
    String name();

    /** Version of the model, e.g. the model directory's version; {@code builtin} for statistics. */
    String version();

    /** One result per window, in order. */
    default List<ForecastBands> forecast(List<SeriesWindow> windows) {
        List<ForecastBands> out = new ArrayList<>(windows.size());
        for (SeriesWindow window : windows) {
            out.add(forecast(window));
        }
        return out;
    }

    ForecastBands forecast(SeriesWindow window);

    @Override
    default void close() {}
}
