package dev.guardian.connectors.influxdb;

import java.io.Serializable;
import java.util.List;

/**
 * Maps one record to the InfluxDB points it yields (often one, e.g. a rollup with count/min/max
 * fields; none to skip). A pure function with its own unit test.
 */
@FunctionalInterface
public interface InfluxPointConverter<T> extends Serializable {

    List<InfluxPoint> toPoints(T record);
}
