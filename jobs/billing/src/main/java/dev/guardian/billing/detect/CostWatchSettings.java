package dev.guardian.billing.detect;

import dev.guardian.billing.BillingJobOptions;
import java.io.Serializable;
import org.apache.flink.configuration.Configuration;

/** The settings of {@link CostForecastOperator}, read once from the job configuration. */
public final class CostWatchSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public final double minExcess;
    public final double minRatio;
    public final int minHistoryHours;
    public final int forecastMinHistoryHours;
    public final int batchSize;
    public final String modelDir;
    public final String dashboardUrl;

    /** Closed hours back within the band before an incident resolves. */
    public final int resolveAfterHours;

    /** Weight of a new normal hour in the usual shares of the root cause. */
    public final double shareRate;

    public CostWatchSettings(
            double minExcess,
            double minRatio,
            int minHistoryHours,
            int forecastMinHistoryHours,
            int batchSize,
            String modelDir,
            String dashboardUrl,
            int resolveAfterHours,
            double shareRate) {
        this.minExcess = minExcess;
        this.minRatio = minRatio;
        this.minHistoryHours = minHistoryHours;
        this.forecastMinHistoryHours = forecastMinHistoryHours;
        this.batchSize = batchSize;
        this.modelDir = modelDir;
        this.dashboardUrl = dashboardUrl;
        this.resolveAfterHours = resolveAfterHours;
        this.shareRate = shareRate;
    }

    public static CostWatchSettings from(Configuration conf) {
        return new CostWatchSettings(
                conf.get(BillingJobOptions.ANOMALY_MIN_EXCESS),
                conf.get(BillingJobOptions.ANOMALY_MIN_RATIO),
                conf.get(BillingJobOptions.MIN_HISTORY_HOURS),
                24,
                conf.get(BillingJobOptions.FORECAST_BATCH_SIZE),
                conf.getOptional(BillingJobOptions.MODEL_DIR).orElse(null),
                conf.get(BillingJobOptions.LINK_BASE),
                2,
                1.0 / 48);
    }
}
