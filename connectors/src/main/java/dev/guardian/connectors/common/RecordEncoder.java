package dev.guardian.connectors.common;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Turns one input record into zero or more elements of a request (a JSON row, a line-protocol line,
 * a bulk operation). The user-facing converters are adapted to this by each sink.
 */
@FunctionalInterface
public interface RecordEncoder<IN, E> extends Serializable {

    void encode(IN record, Consumer<E> out) throws Exception;
}
