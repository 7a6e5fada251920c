package dev.guardian.logs.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.logs.LogRecord;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class MineTemplatesTest {

    private static final long FLUSH_MILLIS = 1_000;

    private static KeyedOneInputStreamOperatorTestHarness<String, LogRecord, LogRecord> harness()
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, LogRecord, LogRecord> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new MineTemplates(TemplateMinerConfig.defaults(), FLUSH_MILLIS)),
                        r -> r.service,
                        Types.STRING);
        harness.open();
        return harness;
    }

    private static StreamRecord<LogRecord> line(String service, long time, String message) {
        return new StreamRecord<>(LogRecord.of(service, time, "INFO", message), time);
    }

    private static List<LogRecord> records(
            KeyedOneInputStreamOperatorTestHarness<String, LogRecord, LogRecord> harness) {
        return harness.extractOutputValues();
    }

    @Test
    void givesEachRecordItsTemplateAndParametersPerService() throws Exception {
        var harness = harness();
        harness.processElement(line("api", 1, "GET /users/17 took 12 ms"));
        harness.processElement(line("api", 2, "GET /users/18 took 3 ms"));
        harness.processElement(line("db", 3, "GET /users/17 took 12 ms"));

        List<LogRecord> out = records(harness);
        assertThat(out).extracting(r -> r.template).containsOnly("GET <*> took <*>");
        assertThat(out.get(1).parameters).containsExactly("/users/18", "3 ms");
        assertThat(out).extracting(r -> r.novelTemplate).containsExactly(true, false, true);
        assertThat(out.get(0).templateId).isEqualTo(out.get(2).templateId);
        assertThat(harness.numKeyedStateEntries()).isEqualTo(2);
        assertThat(harness.getSideOutput(MineTemplates.TEMPLATE_EVENTS)).hasSize(2);
        harness.close();
    }

    @Test
    void reportsMergesAsTemplateEventsAndNotAsNovelTemplates() throws Exception {
        var harness = harness();
        for (String user : List.of("cyrus", "news", "test", "root")) {
            harness.processElement(
                    line("sshd", 1, "session opened for user " + user + " by LOGIN"));
        }

        List<LogRecord> out = records(harness);
        assertThat(out).extracting(r -> r.novelTemplate).containsExactly(true, true, true, false);
        assertThat(out.get(3).template).isEqualTo("session opened for user <*> by LOGIN");
        TemplateEvent merge =
                harness.getSideOutput(MineTemplates.TEMPLATE_EVENTS).stream()
                        .map(StreamRecord::getValue)
                        .reduce((a, b) -> b)
                        .orElseThrow();
        assertThat(merge.templateId).isEqualTo(out.get(3).templateId);
        assertThat(merge.mergedIds)
                .containsExactlyInAnyOrder(
                        out.get(0).templateId, out.get(1).templateId, out.get(2).templateId);
        assertThat(merge.count).isEqualTo(4);
        harness.close();
    }

    @Test
    void aRestoredOperatorKeepsTheTemplatesOfTheCheckpoint() throws Exception {
        var harness = harness();
        harness.processElement(line("sshd", 1, "session opened for user cyrus by LOGIN"));
        harness.processElement(line("sshd", 2, "session opened for user news by LOGIN"));
        harness.processElement(line("sshd", 3, "session opened for user test by LOGIN"));
        harness.processElement(line("sshd", 4, "session opened for user test by LOGIN"));
        // the fourth line changed only counts: a flush timer is pending
        assertThat(harness.numProcessingTimeTimers()).isEqualTo(1);
        harness.setProcessingTime(FLUSH_MILLIS);
        assertThat(harness.numProcessingTimeTimers()).isZero();

        OperatorSubtaskState snapshot = harness.snapshot(1, 10);
        harness.close();

        var restored =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(
                                new MineTemplates(TemplateMinerConfig.defaults(), FLUSH_MILLIS)),
                        (LogRecord r) -> r.service,
                        Types.STRING);
        restored.initializeState(snapshot);
        restored.open();
        restored.processElement(line("sshd", 5, "session opened for user root by LOGIN"));

        LogRecord merged = records(restored).get(0);
        assertThat(merged.template).isEqualTo("session opened for user <*> by LOGIN");
        TemplateEvent event =
                restored.getSideOutput(MineTemplates.TEMPLATE_EVENTS).poll().getValue();
        assertThat(event.count).isEqualTo(5);
        assertThat(event.mergedIds).hasSize(3);
        assertThat(restored.numKeyedStateEntries()).isEqualTo(1);
        restored.close();
    }

    @Test
    void recordsWithoutAMessageGetTheEmptyTemplate() throws Exception {
        var harness = harness();
        LogRecord empty = LogRecord.of("api", 1, "INFO", null);
        harness.processElement(new StreamRecord<>(empty, 1));
        assertThat(records(harness)).extracting(r -> r.template).containsExactly("");
        harness.close();
    }
}
