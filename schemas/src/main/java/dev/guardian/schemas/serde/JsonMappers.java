package dev.guardian.schemas.serde;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration of the codecs: exact decimals, strict syntax. */
final class JsonMappers {
    /**
     * Floats parse to {@code BigDecimal} so money keeps every digit; NaN and Infinity literals are
     * rejected (Jackson default); trailing tokens after the value are rejected.
     */
    static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                    .build();

    private JsonMappers() {}
}
