package dev.guardian.billing.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.billing.eval.RollingOriginEvaluation;
import dev.guardian.billing.eval.Series;
import dev.guardian.billing.forecast.CostForecaster;
import dev.guardian.billing.forecast.ForecastBands;
import dev.guardian.billing.forecast.Forecasters;
import dev.guardian.billing.forecast.SeasonalForecaster;
import dev.guardian.billing.forecast.SeriesWindow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A tiny cost model trained, saved, loaded and served through DJL's PyTorch engine, offline. */
class DjlCostForecasterTest {

    private static final long HOUR = 3_600_000L;
    private static final long START = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    static List<Series> series(int count, int days) {
        List<Series> out = new ArrayList<>();
        Random random = new Random(5);
        for (int s = 0; s < count; s++) {
            double[] x = new double[days * 24];
            double level = 10 + 90 * random.nextDouble();
            for (int i = 0; i < x.length; i++) {
                double daily = 1 + 0.4 * Math.cos(2 * Math.PI * (i % 24 - 15) / 24.0);
                double weekly = (i / 24) % 7 >= 5 ? 0.7 : 1;
                x[i] = level * daily * weekly * Math.exp(0.05 * random.nextGaussian());
            }
            out.add(new Series("s" + s, START, HOUR, x));
        }
        return out;
    }

    @Test
    void trainsSavesALatestVersionAndForecastsAfterLoading(@TempDir Path root) throws Exception {
        CostModelTrainer.Settings settings = new CostModelTrainer.Settings();
        settings.hidden = 16;
        settings.epochs = 3;
        settings.strideHours = 12;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Path version =
                new CostModelTrainer(settings, new PrintStream(log, true))
                        .train(series(3, 24), "test", root);

        assertThat(Files.readString(root.resolve(ModelDirectory.LATEST)).strip())
                .isEqualTo(version.getFileName().toString());
        assertThat(version.resolve("cost-mlp-0000.params")).exists();
        ModelMetadata metadata = ModelDirectory.read(version);
        assertThat(metadata.hidden).isEqualTo(16);
        assertThat(metadata.training).containsKeys("heldOutMaseModel", "heldOutCoverage95");

        try (CostForecaster model = Forecasters.load(Optional.of(root))) {
            assertThat(model.name()).isEqualTo("djl-cost-mlp");
            assertThat(model.version()).isEqualTo(metadata.version);
            Series s = series(1, 30).get(0);
            List<SeriesWindow> windows = new ArrayList<>();
            for (int days : new int[] {10, 20, 3}) {
                double[] history = java.util.Arrays.copyOf(s.values, days * 24);
                windows.add(new SeriesWindow(history, START + days * 24 * HOUR, HOUR, 24, 100));
            }
            List<ForecastBands> bands = model.forecast(windows);
            assertThat(bands).hasSize(3);
            for (ForecastBands b : bands) {
                for (int h = 0; h < 24; h++) {
                    assertThat(b.lower95[h]).isLessThanOrEqualTo(b.upper95[h]);
                    assertThat(b.expected[h]).isFinite().isNotNegative();
                }
            }
            // three days of history is less than the model's week: the statistical forecast
            ForecastBands statistical = new SeasonalForecaster().forecast(windows.get(2));
            assertThat(bands.get(2).expected).containsExactly(statistical.expected);
            RollingOriginEvaluation.Score score =
                    new RollingOriginEvaluation(model).evaluate(series(1, 35).get(0));
            assertThat(score.mase()).isLessThan(1.2);
        }
    }

    @Test
    void theJobFallsBackToStatisticsWhenTheModelIsMissing(@TempDir Path empty) {
        CostForecaster f =
                Forecasters.forJob(
                        empty.resolve("nothing").toString(), LoggerFactory.getLogger("test"));
        assertThat(f.name()).isEqualTo(SeasonalForecaster.NAME);
        assertThat(Forecasters.forJob(empty.toString(), LoggerFactory.getLogger("test")).name())
                .isEqualTo(SeasonalForecaster.NAME);
    }
}
