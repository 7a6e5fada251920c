package dev.guardian.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void namesAreUniqueAndDeadLettersSuffixed() {
        assertThat(Arrays.stream(Topic.values()).map(Topic::topicName)).doesNotHaveDuplicates();
        assertThat(Topic.LOG_EVENTS.topicName()).isEqualTo("logs.events");
        assertThat(Topic.LOG_EVENTS.deadLetterTopicName()).isEqualTo("logs.events.dlq");
        assertThat(Topic.BILLING_RECORDS.recordClass()).isEqualTo(BillingRecord.class);
    }
}
