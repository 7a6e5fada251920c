package dev.guardian.security.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.junit.jupiter.api.Test;

/** The correlation records and state are Flink POJOs: no Kryo in state or on the wire. */
class CorrelationPojoTest {

    @Test
    void recordsAndStateArePojos() {
        assertThat(TypeInformation.of(CorrelationInput.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(CorrelationResult.class)).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(CorrelationState.class)).isInstanceOf(PojoTypeInfo.class);
    }
}
