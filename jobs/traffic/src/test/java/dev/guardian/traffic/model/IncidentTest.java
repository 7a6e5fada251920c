package dev.guardian.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IncidentTest {

    private final Fleet fleet = new Fleet(2_800, 42);

    @Test
    void hitsAFewProductionReplicasOfOneServiceInOneRegion() {
        Incident incident = Incident.choose(IncidentKind.CPU_SATURATION, fleet, 42, 3, 0, 1_000);

        assertThat(incident.instances()).hasSize(3);
        assertThat(incident.instances()).allMatch(i -> i.env().equals("prod"));
        assertThat(incident.instances().stream().map(Instance::service).distinct()).hasSize(1);
        assertThat(incident.instances().stream().map(Instance::region).distinct()).hasSize(1);
        assertThat(incident.series())
                .hasSize(6)
                .extracting(Series::family)
                .containsOnly(MetricFamily.CPU_UTILIZATION, MetricFamily.QUEUE_DEPTH);
        incident.series().forEach(s -> assertThat(incident.affects(s)).isTrue());
        assertThat(fleet.series().stream().filter(incident::affects)).hasSize(6);
    }

    @Test
    void theSeedChoosesTheService() {
        Incident a = Incident.choose(IncidentKind.LATENCY_SPIKE, fleet, 1, 3, 0, 1_000);
        Incident again = Incident.choose(IncidentKind.LATENCY_SPIKE, fleet, 1, 3, 0, 1_000);

        assertThat(again.series()).isEqualTo(a.series());
        boolean someSeedDiffers = false;
        for (long seed = 2; seed < 10 && !someSeedDiffers; seed++) {
            someSeedDiffers =
                    !Incident.choose(IncidentKind.LATENCY_SPIKE, fleet, seed, 3, 0, 1_000)
                            .series()
                            .equals(a.series());
        }
        assertThat(someSeedDiffers).isTrue();
    }

    @Test
    void rampsUpGradualKindsAndIsZeroOutsideItsWindow() {
        Incident spike =
                Incident.choose(IncidentKind.LATENCY_SPIKE, fleet, 42, 3, 100_000, 200_000);
        Incident shift = Incident.choose(IncidentKind.LEVEL_SHIFT, fleet, 42, 3, 100_000, 200_000);

        assertThat(spike.intensity(99_999)).isZero();
        assertThat(spike.intensity(100_000 + Incident.RAMP_MILLIS / 2)).isBetween(0.49, 0.51);
        assertThat(spike.intensity(150_000)).isEqualTo(1.0);
        assertThat(spike.intensity(200_000)).isZero();
        assertThat(shift.intensity(100_000)).isEqualTo(1.0);
        assertThat(shift.rampMillis()).isZero();
    }

    @Test
    void aShortWindowRampsUpInItsFirstQuarter() {
        Incident brief = Incident.choose(IncidentKind.ERROR_BURST, fleet, 42, 3, 0, 10_000);

        assertThat(brief.rampMillis()).isEqualTo(2_500);
        assertThat(brief.intensity(2_500)).isEqualTo(1.0);
    }

    @Test
    void needsAnInstanceExportingTheFamilies() {
        Fleet tiny = new Fleet(2, 42); // cpu and memory of one instance only

        assertThatThrownBy(() -> Incident.choose(IncidentKind.ERROR_BURST, tiny, 42, 3, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use more series");
        assertThat(Incident.choose(IncidentKind.LEVEL_SHIFT, tiny, 42, 3, 0, 1).series())
                .hasSize(1);
    }

    @Test
    void parsesCommandLineNames() {
        assertThat(IncidentKind.fromCliName("cpu-saturation"))
                .isEqualTo(IncidentKind.CPU_SATURATION);
        assertThatThrownBy(() -> IncidentKind.fromCliName("meteor"))
                .hasMessageContaining(
                        "latency-spike, error-burst, cpu-saturation, flatline, level-shift");
    }
}
