package dev.guardian.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RuleUpdateDeserializerTest {

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static List<RuleUpdate> read(String key, String value) {
        List<RuleUpdate> out = new ArrayList<>();
        new RuleUpdateDeserializer()
                .deserialize(
                        new ConsumerRecord<>("guardian.rules", 0, 7L, utf8(key), utf8(value)),
                        new Collector<>() {
                            @Override
                            public void collect(RuleUpdate record) {
                                out.add(record);
                            }

                            @Override
                            public void close() {}
                        });
        return out;
    }

    @Test
    void keyIsTheFileValueTheYaml() {
        assertThat(read("aws_x.yml", "title: x\n"))
                .containsExactly(new RuleUpdate("aws_x.yml", "title: x\n"));
    }

    @Test
    void aTombstoneOrAnEmptyValueRemovesTheFile() {
        assertThat(read("aws_x.yml", null)).containsExactly(RuleUpdate.removal("aws_x.yml"));
        assertThat(read("aws_x.yml", "")).containsExactly(RuleUpdate.removal("aws_x.yml"));
    }

    @Test
    void aRecordWithoutAFileNameIsSkipped() {
        assertThat(read(null, "title: x\n")).isEmpty();
        assertThat(read("  ", "title: x\n")).isEmpty();
    }
}
