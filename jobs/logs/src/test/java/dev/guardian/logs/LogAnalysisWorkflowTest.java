package dev.guardian.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.testing.CollectingSink;
import dev.guardian.logs.template.TemplateCount;
import dev.guardian.logs.template.TemplateEvent;
import dev.guardian.schemas.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Redaction, mining, counts and anomaly rules on a mini cluster with a bounded input. */
class LogAnalysisWorkflowTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final long T0 = 1_767_571_200_000L; // 2026-01-05T00:00:00Z
    private static final long MINUTE = 60_000L;

    static class Collecting implements LogAnalysisSinks {
        final CollectingSink<LogRecord> records = new CollectingSink<>();
        final CollectingSink<TemplateEvent> templates = new CollectingSink<>();
        final CollectingSink<TemplateCount> counts = new CollectingSink<>();
        final CollectingSink<Anomaly> anomalies = new CollectingSink<>();

        @Override
        public void records(DataStream<LogRecord> stream) {
            stream.sinkTo(records).name("records").uid("test-records");
        }

        @Override
        public void templates(DataStream<TemplateEvent> stream) {
            stream.sinkTo(templates).name("templates").uid("test-templates");
        }

        @Override
        public void templateCounts(DataStream<TemplateCount> stream) {
            stream.sinkTo(counts).name("counts").uid("test-counts");
        }

        @Override
        public void anomalies(DataStream<Anomaly> stream) {
            stream.sinkTo(anomalies).name("anomalies").uid("test-anomalies");
        }
    }

    private static LogRecord line(int minute, int second, String severity, String message) {
        return LogRecord.of("api", T0 + minute * MINUTE + second * 1000L, severity, message);
    }

    @Test
    void minesRedactsCountsAndRaisesAnomalies() throws Exception {
        List<LogRecord> input = new ArrayList<>();
        for (int m = 0; m < 20; m++) {
            for (int s = 0; s < 10; s++) {
                input.add(line(m, s * 5, "INFO", "GET /users/" + (m * 10 + s) + " 200 in 12 ms"));
            }
            input.add(line(m, 55, "ERROR", "upstream 10.0.0." + m + " reset"));
        }
        input.add(line(20, 0, "INFO", "password reset mail sent to bob@example.com"));
        for (int s = 0; s < 30; s++) {
            input.add(line(20, s + 1, "ERROR", "connection pool exhausted after 5000 ms"));
        }

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Collecting sinks = new Collecting();
        LogAnalysis.define(
                new Configuration(),
                env.fromData(input, TypeInformation.of(LogRecord.class))
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<LogRecord>forMonotonousTimestamps()
                                        .withTimestampAssigner((r, t) -> r.timestampMillis))
                        .setParallelism(1),
                sinks);
        env.execute();

        List<LogRecord> records = sinks.records.received();
        assertThat(records).hasSize(input.size());
        assertThat(records).allSatisfy(r -> assertThat(r.templateId).hasSize(16));
        assertThat(records)
                .filteredOn(r -> r.message.startsWith("password reset"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.message).endsWith("[REDACTED:email]");
                            assertThat(r.redactions).isEqualTo(1);
                        });
        assertThat(records.stream().map(r -> r.template).collect(Collectors.toSet()))
                .contains("GET <*> in <*>", "upstream <*> reset");

        assertThat(sinks.templates.received())
                .extracting(t -> t.template)
                .contains("GET <*> in <*>", "connection pool exhausted after <*>");

        assertThat(sinks.counts.received())
                .filteredOn(c -> c.template.equals("GET <*> in <*>"))
                .hasSize(20)
                .allSatisfy(c -> assertThat(c.count).isEqualTo(10));

        List<Anomaly> anomalies = sinks.anomalies.received();
        assertThat(anomalies)
                .as(
                        anomalies.stream()
                                .map(Anomaly::getExplanation)
                                .collect(Collectors.joining("\n")))
                .extracting(Anomaly::getDetector)
                .containsExactlyInAnyOrder("log-error-spike/1", "log-novel-template/1");
        assertThat(anomalies)
                .allSatisfy(a -> assertThat(a.getLinks()).containsKey("elasticsearch"));
    }
}
