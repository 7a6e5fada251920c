package dev.guardian.billing.model;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.guardian.billing.eval.Series;
import dev.guardian.billing.forecast.ForecastBands;
import dev.guardian.billing.forecast.ForecastDefaults;
import dev.guardian.billing.forecast.SeasonalForecaster;
import dev.guardian.billing.forecast.SeriesWindow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Trains the cost model on hourly series. Windows start after two weeks of history, every {@code
 * stride} hours; the last quarter of each series is held out, for early stopping and to measure the
 * conformal widening that makes the intervals cover what they claim on data the model did not fit.
 * Loss: the pinball loss of the five quantiles.
 */
public final class CostModelTrainer {

    /** Training settings; the defaults are what {@code guardian train cost} uses. */
    public static final class Settings {
        public int hidden = 128;
        public int epochs = 40;
        public int batchSize = 128;
        public float learningRate = 1e-3f;
        public int strideHours = 3;
        public int minHistoryDays = 14;
        public int patience = 6;
        public long seed = 42;
    }

    /** Model inputs and targets of many windows, plus what scoring needs. */
    static final class Examples {
        final List<float[]> inputs = new ArrayList<>();
        final List<float[]> targets = new ArrayList<>();
        final List<double[]> actual = new ArrayList<>();
        final List<double[]> naive = new ArrayList<>();
        final List<ForecastBands> baseline = new ArrayList<>();
        final List<SeriesWindow> windows = new ArrayList<>();

        int size() {
            return inputs.size();
        }
    }

    private final Settings settings;
    private final PrintStream log;

    public CostModelTrainer(Settings settings, PrintStream log) {
        this.settings = settings;
        this.log = log;
    }

    /** Trains on {@code series} and publishes a new version under {@code root}; its directory. */
    public Path train(List<Series> series, String source, Path root) throws Exception {
        DjlRuntime.configure();
        Examples train = new Examples();
        Examples held = new Examples();
        for (Series s : series) {
            if (s.stepMillis != 3_600_000L) {
                log.printf("skipping %s: not hourly%n", s.name);
                continue;
            }
            examples(s, train, held);
        }
        if (train.size() < 10 || held.size() < 5) {
            throw new IllegalArgumentException(
                    "too little history to train: "
                            + train.size()
                            + " training and "
                            + held.size()
                            + " held-out windows (each series needs "
                            + (settings.minHistoryDays + 2)
                            + "+ days of hourly cost)");
        }
        log.printf(
                "training on %d windows, holding out %d, from %d series%n",
                train.size(), held.size(), series.size());
        Path dir = ModelDirectory.newVersion(root, Instant.now());
        ModelMetadata metadata = new ModelMetadata();
        metadata.version = dir.getFileName().toString();
        metadata.createdAt = Instant.now().toString();
        metadata.hidden = settings.hidden;
        try (Model model = Model.newInstance(CostModelNetwork.NAME, "PyTorch")) {
            model.setBlock(CostModelNetwork.build(settings.hidden));
            int best = fit(model, train, held, dir);
            float[] predicted = predict(model, held);
            double[] conformal = conformal(held, predicted);
            metadata.conformal80 = conformal[0];
            metadata.conformal95 = conformal[1];
            double[] scores = score(held, predicted, conformal);
            metadata.training.put("source", source);
            metadata.training.put("series", series.size());
            metadata.training.put("trainWindows", train.size());
            metadata.training.put("heldOutWindows", held.size());
            metadata.training.put("bestEpoch", best);
            metadata.training.put("heldOutMaseModel", scores[0]);
            metadata.training.put("heldOutMaseStatistical", scores[1]);
            metadata.training.put("heldOutCoverage80", scores[2]);
            metadata.training.put("heldOutCoverage95", scores[3]);
            log.printf(
                    "held out: MASE model %.4f vs statistical %.4f; coverage80 %.3f coverage95"
                            + " %.3f (conformal +%.4f / +%.4f)%n",
                    scores[0], scores[1], scores[2], scores[3], conformal[0], conformal[1]);
        }
        ModelDirectory.publish(dir, metadata);
        return dir;
    }

    void examples(Series s, Examples train, Examples held) {
        SeasonalForecaster statistical = new SeasonalForecaster();
        double[] x = s.values;
        int h24 = CostModelFeatures.HORIZON;
        int first = Math.max(settings.minHistoryDays * 24, CostModelFeatures.WEEK + 168);
        int cap = ForecastDefaults.HISTORY_DAYS * 24;
        List<Integer> origins = new ArrayList<>();
        for (int t = first; t + h24 <= x.length; t += settings.strideHours) {
            origins.add(t);
        }
        int split = (int) Math.floor(origins.size() * 0.75);
        for (int k = 0; k < origins.size(); k++) {
            int t = origins.get(k);
            long origin = s.startMillis + t * s.stepMillis;
            SeriesWindow w =
                    new SeriesWindow(
                            Arrays.copyOfRange(x, Math.max(0, t - cap), t),
                            origin,
                            s.stepMillis,
                            h24,
                            ForecastDefaults.stepsToMonthEnd(origin, s.stepMillis));
            if (!CostModelFeatures.applies(w)) {
                continue;
            }
            ForecastBands base = statistical.forecast(w);
            float[] in = new float[CostModelFeatures.INPUTS];
            CostModelFeatures.inputs(w, base, in, 0);
            double[] actual = Arrays.copyOfRange(x, t, t + h24);
            float[] target = new float[h24];
            CostModelFeatures.targets(w, base, actual, target, 0);
            double[] naive = Arrays.copyOfRange(x, t - 168, t - 168 + h24);
            Examples into = k < split ? train : held;
            into.inputs.add(in);
            into.targets.add(target);
            into.actual.add(actual);
            into.naive.add(naive);
            into.baseline.add(base);
            into.windows.add(w);
        }
    }

    /** Trains with early stopping on the held-out pinball loss; returns the best epoch. */
    int fit(Model model, Examples train, Examples held, Path dir) throws IOException {
        Random random = new Random(settings.seed);
        DefaultTrainingConfig config =
                new DefaultTrainingConfig(new PinballLoss())
                        .optOptimizer(
                                Optimizer.adam()
                                        .optLearningRateTracker(
                                                Tracker.fixed(settings.learningRate))
                                        .build())
                        .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        double bestLoss = Double.MAX_VALUE;
        int bestEpoch = 0;
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(settings.batchSize, CostModelFeatures.INPUTS));
            // the output layer starts at zero: the untrained model is the statistical forecast
            // (zero correction), so training can only move it where the data says
            Block output =
                    model.getBlock()
                            .getChildren()
                            .values()
                            .get(model.getBlock().getChildren().size() - 1);
            for (Parameter parameter : output.getParameters().values()) {
                parameter.getArray().muli(0);
            }
            Integer[] order = new Integer[train.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            for (int epoch = 1; epoch <= settings.epochs; epoch++) {
                java.util.Collections.shuffle(Arrays.asList(order), random);
                double sum = 0;
                int batches = 0;
                for (int from = 0; from < order.length; from += settings.batchSize) {
                    int to = Math.min(order.length, from + settings.batchSize);
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray x =
                                stack(
                                        batch,
                                        train.inputs,
                                        order,
                                        from,
                                        to,
                                        CostModelFeatures.INPUTS);
                        NDArray y =
                                stack(
                                        batch,
                                        train.targets,
                                        order,
                                        from,
                                        to,
                                        CostModelFeatures.HORIZON);
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray predicted = trainer.forward(new NDList(x)).singletonOrThrow();
                            NDArray loss =
                                    trainer.getLoss()
                                            .evaluate(new NDList(y), new NDList(predicted));
                            sum += loss.getFloat();
                            gc.backward(loss);
                        }
                        trainer.step();
                        batches++;
                    }
                }
                double heldLoss = heldOutLoss(model, held);
                log.printf(
                        "epoch %2d: train pinball %.5f, held-out %.5f%n",
                        epoch, sum / Math.max(1, batches), heldLoss);
                if (heldLoss < bestLoss - 1e-6) {
                    bestLoss = heldLoss;
                    bestEpoch = epoch;
                    model.setProperty("Epoch", "0"); // one parameters file per version
                    model.save(dir, CostModelNetwork.NAME);
                } else if (epoch - bestEpoch >= settings.patience) {
                    break;
                }
            }
        }
        // continue with the best parameters, as the saved file has them
        try {
            model.load(dir, CostModelNetwork.NAME);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException(e);
        }
        return bestEpoch;
    }

    private double heldOutLoss(Model model, Examples held) {
        float[] predicted = predict(model, held);
        double total = 0;
        int nq = CostModelFeatures.QUANTILES.length;
        for (int i = 0; i < held.size(); i++) {
            float[] y = held.targets.get(i);
            for (int h = 0; h < CostModelFeatures.HORIZON; h++) {
                for (int q = 0; q < nq; q++) {
                    double tau = CostModelFeatures.QUANTILES[q];
                    double diff = y[h] - predicted[i * CostModelFeatures.OUTPUTS + h * nq + q];
                    total += Math.max(tau * diff, (tau - 1) * diff);
                }
            }
        }
        return total / (held.size() * (double) CostModelFeatures.OUTPUTS);
    }

    private static float[] predict(Model model, Examples examples) {
        float[] out = new float[examples.size() * CostModelFeatures.OUTPUTS];
        try (NDManager manager = model.getNDManager().newSubManager()) {
            ParameterStore parameters = new ParameterStore(manager, false);
            for (int from = 0; from < examples.size(); from += 1024) {
                int to = Math.min(examples.size(), from + 1024);
                Integer[] order = new Integer[to - from];
                for (int i = 0; i < order.length; i++) {
                    order[i] = from + i;
                }
                NDArray x =
                        stack(
                                manager,
                                examples.inputs,
                                order,
                                0,
                                order.length,
                                CostModelFeatures.INPUTS);
                float[] y =
                        model.getBlock()
                                .forward(parameters, new NDList(x), false)
                                .singletonOrThrow()
                                .toFloatArray();
                System.arraycopy(y, 0, out, from * CostModelFeatures.OUTPUTS, y.length);
                x.close();
            }
        }
        return out;
    }

    /**
     * Conformalized quantile regression: how far the 10-90% and 2.5-97.5% quantile intervals must
     * widen (in scale units) for 80% and 95% of held-out points to fall inside.
     */
    static double[] conformal(Examples held, float[] predicted) {
        int nq = CostModelFeatures.QUANTILES.length;
        List<Double> e80 = new ArrayList<>();
        List<Double> e95 = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            float[] y = held.targets.get(i);
            for (int h = 0; h < CostModelFeatures.HORIZON; h++) {
                float[] q =
                        Arrays.copyOfRange(
                                predicted,
                                i * CostModelFeatures.OUTPUTS + h * nq,
                                i * CostModelFeatures.OUTPUTS + (h + 1) * nq);
                Arrays.sort(q);
                e80.add((double) Math.max(q[1] - y[h], y[h] - q[3]));
                e95.add((double) Math.max(q[0] - y[h], y[h] - q[4]));
            }
        }
        return new double[] {quantile(e80, 0.80), quantile(e95, 0.95)};
    }

    private static double quantile(List<Double> values, double level) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int k = (int) Math.ceil((sorted.length + 1) * level) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, k))];
    }

    /** MASE (model, statistical) and coverage on the held-out windows. */
    static double[] score(Examples held, float[] predicted, double[] conformal) {
        double model = 0;
        double statistical = 0;
        double naive = 0;
        long in80 = 0;
        long in95 = 0;
        long points = 0;
        for (int i = 0; i < held.size(); i++) {
            ForecastBands bands =
                    DjlCostForecaster.toBands(
                            held.windows.get(i),
                            held.baseline.get(i),
                            predicted,
                            i * CostModelFeatures.OUTPUTS,
                            conformal[0],
                            conformal[1]);
            double[] y = held.actual.get(i);
            for (int h = 0; h < y.length; h++) {
                model += Math.abs(y[h] - bands.expected[h]);
                statistical += Math.abs(y[h] - held.baseline.get(i).expected[h]);
                naive += Math.abs(y[h] - held.naive.get(i)[h]);
                in80 += y[h] >= bands.lower80[h] && y[h] <= bands.upper80[h] ? 1 : 0;
                in95 += y[h] >= bands.lower95[h] && y[h] <= bands.upper95[h] ? 1 : 0;
                points++;
            }
        }
        return new double[] {
            model / naive, statistical / naive, in80 / (double) points, in95 / (double) points
        };
    }

    private static NDArray stack(
            NDManager manager, List<float[]> rows, Integer[] order, int from, int to, int width) {
        float[] data = new float[(to - from) * width];
        for (int i = from; i < to; i++) {
            System.arraycopy(rows.get(order[i]), 0, data, (i - from) * width, width);
        }
        return manager.create(data, new Shape(to - from, width));
    }

    /** Mean pinball loss of the five quantiles per hour ahead. */
    static final class PinballLoss extends Loss {
        PinballLoss() {
            super("pinball");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray y = labels.singletonOrThrow();
            NDArray q = predictions.singletonOrThrow();
            long batch = q.getShape().get(0);
            int nq = CostModelFeatures.QUANTILES.length;
            NDArray predicted = q.reshape(batch, CostModelFeatures.HORIZON, nq);
            NDArray diff = y.reshape(batch, CostModelFeatures.HORIZON, 1).sub(predicted);
            NDArray tau = q.getManager().create(CostModelFeatures.QUANTILES).reshape(1, 1, nq);
            NDArray loss = NDArrays.maximum(diff.mul(tau), diff.mul(tau.sub(1)));
            return loss.mean();
        }
    }
}
