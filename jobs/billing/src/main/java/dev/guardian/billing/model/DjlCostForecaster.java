package dev.guardian.billing.model;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.guardian.billing.forecast.CostForecaster;
import dev.guardian.billing.forecast.ForecastBands;
import dev.guardian.billing.forecast.SeasonalForecaster;
import dev.guardian.billing.forecast.SeriesWindow;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Forecasts with a trained cost model (DJL, PyTorch engine) on top of the statistical forecaster:
 * the model turns the baseline into quantiles of the next 24 hours, widened by the conformal
 * offsets measured on held-out data at training. Windows are scored together in one forward pass
 * per batch. Not thread-safe: one instance per operator. Windows the model was not made for (not
 * hourly, less than a week of history, all zero) get the statistical forecast. The month's
 * remainder is the statistical one, rescaled by the model's view of the next day.
 */
public final class DjlCostForecaster implements CostForecaster {

    private final Model model;
    private final ModelMetadata metadata;
    private final SeasonalForecaster baseline = new SeasonalForecaster();

    private DjlCostForecaster(Model model, ModelMetadata metadata) {
        this.model = model;
        this.metadata = metadata;
    }

    /** Loads the version {@code dir} resolves to (see {@link ModelDirectory#resolve}). */
    public static DjlCostForecaster load(Path dir) throws IOException {
        DjlRuntime.configure();
        Path version = ModelDirectory.resolve(dir);
        ModelMetadata metadata = ModelDirectory.read(version);
        if (metadata.inputs != CostModelFeatures.INPUTS
                || metadata.outputs != CostModelFeatures.OUTPUTS) {
            throw new IOException(
                    version
                            + " was trained for "
                            + metadata.inputs
                            + " inputs and "
                            + metadata.outputs
                            + " outputs; this build uses "
                            + CostModelFeatures.INPUTS
                            + " and "
                            + CostModelFeatures.OUTPUTS);
        }
        Model model = Model.newInstance(CostModelNetwork.NAME, "PyTorch");
        model.setBlock(CostModelNetwork.build(metadata.hidden));
        try {
            model.load(version, CostModelNetwork.NAME);
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException(
                    "cannot load the cost model in " + version + ": " + e.getMessage(), e);
        }
        return new DjlCostForecaster(model, metadata);
    }

    @Override
    public String name() {
        return "djl-" + metadata.name;
    }

    @Override
    public String version() {
        return metadata.version;
    }

    @Override
    public ForecastBands forecast(SeriesWindow window) {
        return forecast(List.of(window)).get(0);
    }

    @Override
    public List<ForecastBands> forecast(List<SeriesWindow> windows) {
        List<ForecastBands> out = new ArrayList<>(windows.size());
        List<Integer> modelled = new ArrayList<>();
        List<ForecastBands> baselines = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            ForecastBands b = baseline.forecast(windows.get(i));
            out.add(b);
            if (CostModelFeatures.applies(windows.get(i))) {
                modelled.add(i);
                baselines.add(b);
            }
        }
        if (modelled.isEmpty()) {
            return out;
        }
        int n = modelled.size();
        float[] inputs = new float[n * CostModelFeatures.INPUTS];
        for (int j = 0; j < n; j++) {
            CostModelFeatures.inputs(
                    windows.get(modelled.get(j)),
                    baselines.get(j),
                    inputs,
                    j * CostModelFeatures.INPUTS);
        }
        float[] outputs;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray x = manager.create(inputs, new Shape(n, CostModelFeatures.INPUTS));
            outputs =
                    model.getBlock()
                            .forward(new ParameterStore(manager, false), new NDList(x), false)
                            .singletonOrThrow()
                            .toFloatArray();
        }
        for (int j = 0; j < n; j++) {
            int i = modelled.get(j);
            out.set(
                    i,
                    bands(
                            windows.get(i),
                            baselines.get(j),
                            outputs,
                            j * CostModelFeatures.OUTPUTS));
        }
        return out;
    }

    /** Quantiles of the baseline's error → forecast and intervals, conformally widened. */
    ForecastBands bands(SeriesWindow w, ForecastBands base, float[] outputs, int offset) {
        return toBands(w, base, outputs, offset, metadata.conformal80, metadata.conformal95);
    }

    static ForecastBands toBands(
            SeriesWindow w,
            ForecastBands base,
            float[] outputs,
            int offset,
            double conformal80,
            double conformal95) {
        int h24 = CostModelFeatures.HORIZON;
        int nq = CostModelFeatures.QUANTILES.length;
        double scale = CostModelFeatures.scale(w.history());
        boolean nonNegative = Arrays.stream(w.history()).allMatch(v -> v >= 0);
        double[] expected = new double[h24];
        double[] lo80 = new double[h24];
        double[] hi80 = new double[h24];
        double[] lo95 = new double[h24];
        double[] hi95 = new double[h24];
        double modelDay = 0;
        double baseDay = 0;
        for (int h = 0; h < h24; h++) {
            float[] q = Arrays.copyOfRange(outputs, offset + h * nq, offset + (h + 1) * nq);
            Arrays.sort(q); // quantile crossing is possible in a small network
            double b = base.expected[h];
            expected[h] = b + scale * q[2];
            lo95[h] = b + scale * (q[0] - conformal95);
            lo80[h] = b + scale * (q[1] - conformal80);
            hi80[h] = b + scale * (q[3] + conformal80);
            hi95[h] = b + scale * (q[4] + conformal95);
            if (nonNegative) {
                expected[h] = Math.max(0, expected[h]);
                lo95[h] = Math.max(0, lo95[h]);
                lo80[h] = Math.max(0, lo80[h]);
            }
            modelDay += expected[h];
            baseDay += b;
        }
        double ratio = baseDay > 0 ? Math.max(0.5, Math.min(2, modelDay / baseDay)) : 1;
        double[] rest = base.monthRemainder.clone();
        for (int i = 0; i < rest.length; i++) {
            rest[i] *= ratio;
        }
        return new ForecastBands(expected, lo80, hi80, lo95, hi95, rest);
    }

    @Override
    public void close() {
        model.close();
    }
}
