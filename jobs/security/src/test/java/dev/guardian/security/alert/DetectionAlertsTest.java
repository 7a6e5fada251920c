package dev.guardian.security.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.guardian.schemas.Alert;
import dev.guardian.schemas.AlertSeverity;
import dev.guardian.schemas.AlertStatus;
import dev.guardian.schemas.Detection;
import dev.guardian.schemas.DetectionLevel;
import dev.guardian.schemas.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionAlertsTest {

    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");
    final DetectionAlerts alerts =
            new DetectionAlerts(DetectionLevel.LOW, "http://grafana:3000/", Duration.ofHours(1));

    static Detection detection(DetectionLevel level, List<String> tags) {
        return Detection.newBuilder()
                .setId("d1")
                .setRuleId("4db60cc0-36fb-42b7-9b58-a5b53019fb74")
                .setRuleTitle("AWS CloudTrail Important Change")
                .setLevel(level)
                .setTags(tags)
                .setTime(T)
                .setMatchedEventIds(List.of("e1"))
                .setFields(
                        Map.of(
                                "actor", "arn:aws:iam::111122223333:user/alice",
                                "sourceIp", "203.0.113.7",
                                "accountId", "111122223333",
                                "region", "us-east-1",
                                "service", "cloudtrail.amazonaws.com",
                                "operation", "StopLogging"))
                .build();
    }

    @Test
    void severityFollowsTheRuleLevel() {
        assertThat(DetectionAlerts.severity(DetectionLevel.CRITICAL))
                .isEqualTo(AlertSeverity.CRITICAL);
        assertThat(DetectionAlerts.severity(DetectionLevel.HIGH)).isEqualTo(AlertSeverity.ERROR);
        assertThat(DetectionAlerts.severity(DetectionLevel.MEDIUM))
                .isEqualTo(AlertSeverity.WARNING);
        assertThat(DetectionAlerts.severity(DetectionLevel.LOW)).isEqualTo(AlertSeverity.INFO);
        assertThat(DetectionAlerts.severity(DetectionLevel.INFORMATIONAL))
                .isEqualTo(AlertSeverity.INFO);
    }

    @Test
    void attackTagsSplitIntoTacticsAndTechniques() {
        List<String> tags =
                List.of(
                        "attack.defense-evasion",
                        "attack.t1562.008",
                        "attack.T1078",
                        "attack.g0016",
                        "attack.s0002",
                        "cve.2021-44228",
                        "detection.threat-hunting");
        assertThat(DetectionAlerts.tactics(tags)).containsExactly("defense-evasion");
        assertThat(DetectionAlerts.techniques(tags)).containsExactly("T1562.008", "T1078");
    }

    @Test
    void fingerprintIsStablePerRuleAndGroup() {
        String a = DetectionAlerts.fingerprint("r1", "actor=alice");
        assertThat(DetectionAlerts.fingerprint("r1", "actor=alice")).isEqualTo(a);
        assertThat(DetectionAlerts.fingerprint("r1", "actor=bob")).isNotEqualTo(a);
        assertThat(DetectionAlerts.fingerprint("r2", "actor=alice")).isNotEqualTo(a);
        assertThat(a).startsWith("security-");
    }

    @Test
    void aFiringAlertTellsWhoWhatWhereAndTheAttackTechniques() {
        Detection d =
                detection(
                        DetectionLevel.MEDIUM,
                        List.of("attack.defense-evasion", "attack.t1562.008"));
        Alert alert =
                alerts.firing(
                        d, "accountId=111122223333, actor=arn:aws:iam::111122223333:user/alice");

        assertThat(alert.getSource()).isEqualTo(Source.SECURITY);
        assertThat(alert.getStatus()).isEqualTo(AlertStatus.FIRING);
        assertThat(alert.getSeverity()).isEqualTo(AlertSeverity.WARNING);
        assertThat(alert.getOriginId()).isEqualTo("d1");
        assertThat(alert.getEntity())
                .isEqualTo("111122223333 / arn:aws:iam::111122223333:user/alice");
        assertThat(alert.getTitle())
                .isEqualTo(
                        "AWS CloudTrail Important Change: 111122223333 /"
                                + " arn:aws:iam::111122223333:user/alice");
        assertThat(alert.getLabels())
                .containsEntry("class", "security-detection")
                .containsEntry("rule", d.getRuleId())
                .containsEntry("level", "medium")
                .containsEntry("attack_tactics", "defense-evasion")
                .containsEntry("attack_techniques", "T1562.008")
                .containsEntry("account", "111122223333");
        assertThat(alert.getSummary())
                .contains("from 203.0.113.7")
                .contains("cloudtrail.amazonaws.com StopLogging in us-east-1")
                .contains("ATT&CK: defense-evasion; T1562.008")
                .contains("within 1h are suppressed");
        assertThat(alert.getEvidence())
                .containsEntry("detection_id", "d1")
                .containsEntry("matched_event_ids", "e1");
        assertThat(alert.getLinks()).hasSize(1);
        assertThat(alert.getLinks().get(0).getHref())
                .startsWith("http://grafana:3000/d/guardian-security/security?var-rule=4db60cc0");
        assertThat(alert.getStartsAt()).isEqualTo(T);
    }

    @Test
    void onlyLevelsAtOrAboveTheMinimumRaiseAlerts() {
        DetectionAlerts high =
                new DetectionAlerts(DetectionLevel.HIGH, "http://g", Duration.ofHours(1));
        assertThat(high.raises(detection(DetectionLevel.MEDIUM, List.of()))).isFalse();
        assertThat(high.raises(detection(DetectionLevel.HIGH, List.of()))).isTrue();
        assertThat(high.raises(detection(DetectionLevel.CRITICAL, List.of()))).isTrue();
    }

    @Test
    void aVeryLongTitleIsCutToPagerDutysLimit() {
        Detection d = detection(DetectionLevel.HIGH, List.of());
        d.setRuleTitle("x".repeat(2000));
        assertThat(alerts.firing(d, "actor=a").getTitle()).hasSize(DetectionAlerts.MAX_TITLE);
    }
}
