package dev.guardian.ops.reporter;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Creates the {@link InfluxDbReporter}: {@code metrics.reporter.influxdb.factory.class:
 * dev.guardian.ops.reporter.InfluxDbReporterFactory}. Installed as a Flink plugin (the {@code
 * guardian-ops-*-influxdb-reporter.jar} in its own folder under {@code plugins/}).
 */
public final class InfluxDbReporterFactory implements MetricReporterFactory {

    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new InfluxDbReporter();
    }
}
