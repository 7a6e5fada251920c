package dev.guardian.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FleetTest {

    @Test
    void keepsExactlyTheRequestedSeriesInstanceByInstance() {
        Fleet fleet = new Fleet(2_800, 42);

        assertThat(fleet.size()).isEqualTo(2_800);
        assertThat(fleet.instances()).hasSize(400);
        assertThat(fleet.series(0).family()).isEqualTo(MetricFamily.CPU_UTILIZATION);
        assertThat(fleet.series(Fleet.FAMILIES).instance().index).isEqualTo(1);
        assertThat(new Fleet(10, 42).series()).hasSize(10);
    }

    @Test
    void everySeriesHasItsOwnKey() {
        Fleet fleet = new Fleet(2_800, 42);

        Set<String> keys = new HashSet<>();
        fleet.series().forEach(s -> keys.add(s.key()));

        assertThat(keys).hasSize(2_800);
    }

    @Test
    void evenASmallFleetCoversEveryServiceAndRegion() {
        Fleet fleet = new Fleet(36 * Fleet.FAMILIES, 42);

        assertThat(fleet.instances().stream().map(Instance::service).collect(Collectors.toSet()))
                .hasSize(ServiceProfile.values().length);
        assertThat(fleet.instances().stream().map(Instance::region).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("us-east-1", "eu-west-1", "ap-southeast-1");
    }

    @Test
    void labelsLookLikeAnExportersLabels() {
        Series latency = new Fleet(100, 42).series(4);

        assertThat(latency.name()).isEqualTo("http_request_duration_seconds");
        assertThat(latency.labels())
                .containsEntry("quantile", "0.95")
                .containsEntry("service", "gateway")
                .containsEntry("region", "us-east-1")
                .containsEntry("env", "prod")
                .containsEntry("host", "gateway-use1-00")
                .containsKey("zone");
        assertThat(latency.key())
                .isEqualTo(
                        "http_request_duration_seconds{env=\"prod\",host=\"gateway-use1-00\","
                                + "quantile=\"0.95\",region=\"us-east-1\",service=\"gateway\","
                                + "zone=\"us-east-1a\"}");
    }

    @Test
    void someReplicasAreStaging() {
        Fleet fleet = new Fleet(2_800, 42);

        assertThat(fleet.instances()).anyMatch(i -> i.env().equals("staging"));
        assertThat(fleet.instances().stream().filter(i -> i.env().equals("prod")).count())
                .isGreaterThan(fleet.instances().size() / 2);
    }
}
