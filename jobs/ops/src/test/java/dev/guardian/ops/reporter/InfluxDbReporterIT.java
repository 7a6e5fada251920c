package dev.guardian.ops.reporter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.guardian.ops.http.InfluxQueries;
import dev.guardian.ops.stack.LocalStack;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reporter on a real Flink runtime (a local cluster configured as a cluster would be) writing
 * to the local stack's InfluxDB, in a database of its own.
 */
class InfluxDbReporterIT {

    private InfluxQueries influx;
    private String database;
    private String url;

    @BeforeEach
    void createDatabase() throws Exception {
        url = LocalStack.shared(LocalStack.findRoot(Path.of(""))).endpoints().influxdbUrl();
        influx = new InfluxQueries(url);
        database = "reporter_it_" + UUID.randomUUID().toString().substring(0, 8);
        influx.query(null, "CREATE DATABASE \"" + database + "\"");
    }

    @AfterEach
    void dropDatabase() throws Exception {
        influx.query(null, "DROP DATABASE \"" + database + "\"");
    }

    /** Slow enough that the job runs for several report intervals. */
    static final class Slowly implements MapFunction<Long, Long> {
        private static final long serialVersionUID = 1L;

        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(1);
            return value;
        }
    }

    @Test
    void jobMetricsArriveInInfluxDbTaggedWithTheirScope() throws Exception {
        Configuration conf = new Configuration();
        conf.setString(
                "metrics.reporter.guardian.factory.class", InfluxDbReporterFactory.class.getName());
        conf.setString("metrics.reporter.guardian.url", url);
        conf.setString("metrics.reporter.guardian.database", database);
        conf.setString("metrics.reporter.guardian.interval", "500 ms");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.fromSequence(1, 4_000)
                .map(new Slowly())
                .name("slow map")
                .sinkTo(new DiscardingSink<>())
                .name("discard");
        env.execute("reporter-it");

        JsonNode series =
                influx.query(
                                database,
                                "SELECT max(\"value\") FROM \"guardian_pipeline\" WHERE"
                                        + " \"metric\" = 'numRecordsIn' AND \"job_name\" = 'reporter-it'"
                                        + " GROUP BY \"task_name\"")
                        .path("results")
                        .path(0)
                        .path("series");
        assertThat(series.size()).as("series of numRecordsIn by task").isPositive();
        double maxIn = 0;
        for (JsonNode s : series) {
            maxIn = Math.max(maxIn, s.path("values").path(0).path(1).asDouble());
        }
        assertThat(maxIn).as("records in, as last reported").isPositive();
        long checkpointMetrics =
                influx.number(
                        database,
                        "SELECT count(\"value\") FROM \"guardian_pipeline\" WHERE \"metric\" ="
                                + " 'numberOfFailedCheckpoints'");
        assertThat(checkpointMetrics).as("job-level checkpoint metrics").isPositive();
    }
}
