package dev.guardian.billing.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;

/** Picks the forecaster: a trained model directory when given, else the statistical one. */
public final class Forecasters {

    private Forecasters() {}

    /** For commands: a model directory that cannot be loaded is an error. */
    public static CostForecaster load(Optional<Path> modelDir) throws IOException {
        if (modelDir.isEmpty()) {
            return new SeasonalForecaster();
        }
        return dev.guardian.billing.model.DjlCostForecaster.load(modelDir.get());
    }

    /**
     * For the job: the model of {@code modelDir} if it loads, else the statistical forecaster;
     * either way the log says which one forecasts and why, because a silent fallback would change
     * every forecast without anyone knowing.
     */
    public static CostForecaster forJob(String modelDir, Logger log) {
        if (modelDir == null || modelDir.isBlank()) {
            log.info(
                    "No cost model configured (guardian.billing.model-dir): forecasting with the"
                            + " statistical forecaster {}",
                    SeasonalForecaster.NAME);
            return new SeasonalForecaster();
        }
        Path dir = Path.of(modelDir);
        if (!Files.isDirectory(dir)) {
            log.warn(
                    "Cost model directory {} does not exist on this TaskManager: falling back to"
                            + " the statistical forecaster {}",
                    dir,
                    SeasonalForecaster.NAME);
            return new SeasonalForecaster();
        }
        try {
            CostForecaster model = dev.guardian.billing.model.DjlCostForecaster.load(dir);
            log.info(
                    "Forecasting cost with model {} version {} from {}",
                    model.name(),
                    model.version(),
                    dir);
            return model;
        } catch (IOException | RuntimeException | LinkageError e) {
            log.warn(
                    "Cost model in {} could not be loaded ({}): falling back to the statistical"
                            + " forecaster {}",
                    dir,
                    e.toString(),
                    SeasonalForecaster.NAME);
            return new SeasonalForecaster();
        }
    }
}
