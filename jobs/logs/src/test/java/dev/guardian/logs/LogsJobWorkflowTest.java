package dev.guardian.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.common.kafka.RawRecord;
import dev.guardian.common.testing.CollectingSink;
import dev.guardian.logs.decode.DecodeLimits;
import dev.guardian.logs.decode.LogFlags;
import dev.guardian.logs.template.TemplateCount;
import dev.guardian.logs.template.TemplateEvent;
import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.DeadLetter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole logs job on a mini cluster: Kafka-like raw records in (JSON lines of two services, an
 * incident, and every kind of bad input), every output collected.
 */
class LogsJobWorkflowTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final long MINUTE = 60_000L;

    /** Half an hour ago, on a minute (lines more than 10 minutes ahead of now are repaired). */
    private static final long T0 = (System.currentTimeMillis() / MINUTE - 30) * MINUTE;

    static class Collecting implements LogsSinks {
        private static final long serialVersionUID = 1L;
        final CollectingSink<LogRecord> records = new CollectingSink<>();
        final CollectingSink<TemplateEvent> templates = new CollectingSink<>();
        final CollectingSink<TemplateCount> counts = new CollectingSink<>();
        final CollectingSink<Anomaly> anomalies = new CollectingSink<>();
        final CollectingSink<Alert> alerts = new CollectingSink<>();
        final CollectingSink<DeadLetter> deadLetters = new CollectingSink<>();

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

        @Override
        public void alerts(DataStream<Alert> stream) {
            stream.sinkTo(alerts).name("alerts").uid("test-alerts");
        }

        @Override
        public void deadLetters(DataStream<DeadLetter> stream) {
            stream.sinkTo(deadLetters).name("dead letters").uid("test-dead-letters");
        }
    }

    private final List<RawRecord> input = new ArrayList<>();

    private void add(byte[] value) {
        input.add(new RawRecord(value, "logs.events", 0, input.size(), T0));
    }

    private void json(String service, long time, String level, String message) {
        add(
                String.format(
                                Locale.ROOT,
                                "{\"@timestamp\":\"%s\",\"service\":{\"name\":\"%s\"},"
                                        + "\"log\":{\"level\":\"%s\"},\"message\":\"%s\"}",
                                Instant.ofEpochMilli(time),
                                service,
                                level,
                                message)
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesAnalysesAndAlertsWithBadInputDeadLetteredOrRepaired() throws Exception {
        for (int m = 0; m < 24; m++) {
            long minute = T0 + m * MINUTE;
            for (int s = 0; s < 10; s++) {
                json(
                        "api",
                        minute + s * 5000L,
                        "INFO",
                        "GET /users/" + (m * 10 + s) + " 200 in 12 ms");
                json(
                        "checkout",
                        minute + s * 5000L + 1,
                        "INFO",
                        "payment " + (m * 100 + s) + " accepted");
            }
            json("checkout", minute + 55_000, "ERROR", "upstream 10.0.0." + m + " reset");
            if (m == 21) {
                for (int s = 0; s < 30; s++) {
                    json(
                            "checkout",
                            minute + 56_000 + s * 100,
                            "ERROR",
                            "NullPointerException at com.shop.Cart.total(Cart.java:"
                                    + (40 + s % 3)
                                    + ")");
                }
            }
        }
        long late = T0 + 24 * MINUTE;
        // Bad input, each once.
        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        latin1.writeBytes(
                ("{\"@timestamp\":\""
                                + Instant.ofEpochMilli(late)
                                + "\",\"service\":\"api\","
                                + "\"message\":\"caf")
                        .getBytes(StandardCharsets.UTF_8));
        latin1.write(0xE9);
        latin1.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        add(latin1.toByteArray());
        json("api", late + 1, "INFO", "x".repeat(DecodeLimits.MIB + 10));
        json("api", late + 2, "chatty", "a line of an unknown level");
        add(
                ("{\"message\":\""
                                + "{\\\"a\\\":".repeat(3)
                                + "\",\"labels\":"
                                + "{\"a\":".repeat(200)
                                + "1"
                                + "}".repeat(200)
                                + "}")
                        .getBytes(StandardCharsets.UTF_8));
        add(new byte[] {0, 1, 2, 3});
        add(new byte[0]);
        add(
                "{\"service\":\"api\",\"message\":\"no time at all\"}"
                        .getBytes(StandardCharsets.UTF_8));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Collecting sinks = new Collecting();
        Configuration conf = new Configuration();
        LogsJob.defineWorkflow(
                conf,
                env.fromData(input, TypeInformation.of(RawRecord.class))
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(LogsJob.watermarks(conf))
                        .setParallelism(1),
                sinks);
        env.execute();

        List<DeadLetter> deadLetters = sinks.deadLetters.received();
        assertThat(deadLetters)
                .extracting(DeadLetter::getErrorMessage)
                .containsExactlyInAnyOrder(
                        "JSON nested more than 64 levels deep",
                        "neither Avro single-object (C3 01), JSON nor text: binary data (byte 00)",
                        "record is empty");
        assertThat(deadLetters)
                .allSatisfy(
                        d -> {
                            assertThat(d.getTopic()).isEqualTo("logs.events");
                            assertThat(d.getJob()).isEqualTo(LogsJob.NAME);
                        });

        List<LogRecord> records = sinks.records.received();
        assertThat(records).hasSize(input.size() - 3);
        assertThat(records.stream().map(r -> r.eventId).distinct()).hasSize(records.size());
        assertThat(records)
                .filteredOn(r -> r.message.startsWith("caf"))
                .singleElement()
                .satisfies(r -> assertThat(r.flags).containsExactly(LogFlags.INVALID_UTF8));
        assertThat(records)
                .filteredOn(r -> r.message.startsWith("xxx"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.flags).containsExactly(LogFlags.MESSAGE_TRUNCATED);
                            assertThat(r.message).contains("…[truncated: ");
                        });
        assertThat(records)
                .filteredOn(r -> r.message.startsWith("a line of"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.severity).isEqualTo("UNKNOWN");
                            assertThat(r.attribute(LogFlags.ORIGINAL_LEVEL)).isEqualTo("chatty");
                        });
        assertThat(records)
                .filteredOn(r -> r.message.equals("no time at all"))
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.flags).containsExactly(LogFlags.TIMESTAMP_MISSING);
                            // the time it entered Kafka
                            assertThat(r.timestampMillis).isEqualTo(T0);
                        });
        assertThat(records).allSatisfy(r -> assertThat(r.templateId).hasSize(16));

        assertThat(sinks.counts.received())
                .filteredOn(c -> c.template.equals("payment <*> accepted"))
                .hasSize(24)
                .allSatisfy(
                        c -> {
                            assertThat(c.count).isEqualTo(10);
                            assertThat(c.severity).isEqualTo("INFO");
                        });

        List<Anomaly> anomalies = sinks.anomalies.received();
        String explained =
                anomalies.stream().map(Anomaly::getExplanation).collect(Collectors.joining("\n"));
        assertThat(anomalies)
                .as(explained)
                .extracting(Anomaly::getDetector)
                .contains("log-error-spike/1", "log-novel-template/1");

        List<Alert> alerts = sinks.alerts.received();
        assertThat(alerts)
                .as(explained)
                .isNotEmpty()
                .allSatisfy(
                        a -> {
                            assertThat(a.getStatus()).isEqualTo(AlertStatus.FIRING);
                            assertThat(a.getEntity()).isEqualTo("checkout");
                            assertThat(a.getLinks()).isNotEmpty();
                        });
        assertThat(alerts)
                .extracting(Alert::getOriginId)
                .isSubsetOf(anomalies.stream().map(Anomaly::getId).toList());
        assertThat(alerts.stream().map(Alert::getFingerprint).distinct()).hasSize(alerts.size());
    }
}
