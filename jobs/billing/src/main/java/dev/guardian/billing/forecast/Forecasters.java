package dev.guardian.billing.forecast;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** Picks the forecaster: a trained model directory when given, else the statistical one. */
public final class Forecasters {

    private Forecasters() {}

    public static CostForecaster load(Optional<Path> modelDir) throws IOException {
        if (modelDir.isEmpty()) {
            return new SeasonalForecaster();
        }
        throw new IOException("models are not supported yet: " + modelDir.get());
    }
}
