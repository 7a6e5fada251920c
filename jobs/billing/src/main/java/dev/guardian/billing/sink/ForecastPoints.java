package dev.guardian.billing.sink;

import dev.guardian.schemas.Forecast;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Splits a forecast into its points, the rows of {@code cost_forecasts}. */
public class ForecastPoints implements FlatMapFunction<Forecast, ForecastPointRow.Point> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(Forecast forecast, Collector<ForecastPointRow.Point> out) {
        ForecastPointRow.rowsOf(forecast).forEach(out::collect);
    }
}
