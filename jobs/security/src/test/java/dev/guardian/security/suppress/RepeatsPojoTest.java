package dev.guardian.security.suppress;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

class RepeatsPojoTest {

    @Test
    void isAFlinkPojo() {
        assertThat(TypeInformation.of(Repeats.class)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void countsAndKeepsTheLatestTime() {
        Repeats r = new Repeats(1000, 1, 200).plus(100).plus(300);
        assertThat(r.count).isEqualTo(3);
        assertThat(r.lastMillis).isEqualTo(300);
        assertThat(r.endMillis).isEqualTo(1000);
    }
}
