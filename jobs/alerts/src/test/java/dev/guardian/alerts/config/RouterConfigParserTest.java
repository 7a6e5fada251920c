package dev.guardian.alerts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouterConfigParserTest {

    static String example() throws IOException {
        try (InputStream in =
                RouterConfigParserTest.class.getResourceAsStream("/router-example.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDocumentedExample() throws IOException {
        RouterConfig c = RouterConfigParser.parse(example());
        assertThat(c.renotifyInterval).isEqualTo(Duration.ofHours(4));
        assertThat(c.autoResolveAfter).isEqualTo(Duration.ofMinutes(30));
        assertThat(c.receivers).containsOnlyKeys("pagerduty-oncall", "team-slack", "audit-webhook");
        ReceiverConfig pd = c.receiver("pagerduty-oncall");
        assertThat(pd.type).isEqualTo(ReceiverType.PAGERDUTY);
        assertThat(pd.routingKey).hasToString("env:PAGERDUTY_ROUTING_KEY");
        assertThat(pd.rateLimit.max).isEqualTo(20);
        assertThat(pd.retry.maxAttempts).isEqualTo(6);
        assertThat(c.receiver("audit-webhook").url)
                .hasToString("file:/run/secrets/alert-webhook-url");
        assertThat(c.routes)
                .extracting(r -> r.name)
                .containsExactly("pages", "security", "team-channel", "everything-else");
        assertThat(c.routes.get(0).continueMatching).isTrue();
        assertThat(c.routes.get(2).groupBy).containsExactly("service");
        assertThat(c.routes.get(2).groupInterval).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.routes.get(3).groupBy).isNull();
        assertThat(c.mutes).extracting(m -> m.id).containsExactly("canary-rebuild");
        assertThat(c.maintenanceWindows).hasSize(1);
        assertThat(c.links)
                .extracting(l -> l.text)
                .containsExactly("Grafana", "Elasticsearch", "ClickHouse query");
    }

    @Test
    void pagerDutyDefaultsToThePublicEndpoint() {
        RouterConfig c =
                RouterConfigParser.parse(
                        "receivers: [{name: pd, type: pagerduty, routing_key_file: /k}]\n"
                                + "routes: [{receiver: pd}]\n");
        assertThat(c.receiver("pd").url).hasToString(ReceiverConfig.PAGERDUTY_EVENTS_URL);
    }

    @Test
    void refusesSecretsWrittenInTheConfig() {
        assertThatThrownBy(
                        () ->
                                RouterConfigParser.parse(
                                        "receivers:\n"
                                                + "  - name: s\n"
                                                + "    type: slack\n"
                                                + "    url: https://hooks.slack.com/services/T/B/x\n"
                                                + "routes: [{receiver: s}]\n"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("receivers[0].url must not be written in the config")
                .hasMessageNotContaining("hooks.slack.com");
        assertThatThrownBy(
                        () ->
                                RouterConfigParser.parse(
                                        "receivers: [{name: pd, type: pagerduty, routing_key: abc}]\n"
                                                + "routes: [{receiver: pd}]\n"))
                .hasMessageContaining("routing_key must not be written");
        assertThatThrownBy(
                        () ->
                                RouterConfigParser.parse(
                                        "receivers: [{name: h, type: webhook}]\n"
                                                + "routes: [{receiver: h}]\n"))
                .hasMessageContaining("needs url_env");
    }

    @Test
    void namesThePathOfEveryMistake() {
        String receivers = "receivers: [{name: h, type: webhook, url_env: U}]\n";
        assertThatThrownBy(() -> RouterConfigParser.parse(receivers + "routes: [{receiver: nope}]"))
                .hasMessageContaining("routes[0].receiver names unknown receiver 'nope'");
        assertThatThrownBy(
                        () ->
                                RouterConfigParser.parse(
                                        receivers
                                                + "routes: [{receiver: h, match: {severity: urgent}}]"))
                .hasMessageContaining("routes[0].match.severity has unknown severity 'urgent'");
        assertThatThrownBy(
                        () ->
                                RouterConfigParser.parse(
                                        receivers + "routes: [{receiver: h, contine: true}]"))
                .hasMessageContaining("routes[0].contine is not a known setting");
        assertThatThrownBy(
                        () ->
                                RouterConfigParser.parse(
                                        receivers
                                                + "routes: [{receiver: h, match: {labels_regex: {a: '('}}}]"))
                .hasMessageContaining(
                        "routes[0].match.labels_regex.a is not a valid regular expression");
        assertThatThrownBy(() -> RouterConfigParser.parse(receivers + "routes: []"))
                .hasMessageContaining("routes must hold at least one route");
        assertThatThrownBy(() -> RouterConfigParser.parse("receivers: [\n"))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void secretsResolveFromEnvironmentOrFileAndNeverPrint(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("url");
        Files.writeString(file, "https://hooks.example/secret-token\n");
        Secret fromFile = SecretRef.file(file.toString()).resolve();
        assertThat(fromFile.reveal()).isEqualTo("https://hooks.example/secret-token");
        assertThat(fromFile).hasToString("***");
        Secret fromEnv = SecretRef.env("HOOK").resolve(Map.of("HOOK", " https://h/x "));
        assertThat(fromEnv.reveal()).isEqualTo("https://h/x");
        assertThatThrownBy(() -> SecretRef.env("MISSING_VAR").resolve(Map.of()))
                .hasMessage("environment variable MISSING_VAR is not set on this TaskManager");
        assertThatThrownBy(() -> SecretRef.file(dir.resolve("none").toString()).resolve())
                .hasMessageContaining("cannot read secret file");
    }

    @Test
    void relativeSecretFilesAreReadFromTheConfigsFolder(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("router.yaml");
        Files.writeString(
                config,
                "receivers: [{name: s, type: slack, url_file: secrets/slack}]\n"
                        + "routes: [{receiver: s}]\n");
        RouterConfig c = RouterConfigParser.parseFile(config);
        assertThat(c.receiver("s").url)
                .hasToString("file:" + dir.resolve("secrets/slack").toAbsolutePath());
    }

    @Test
    void maintenanceWindowsMayRunPastMidnight() {
        RouterConfig c =
                RouterConfigParser.parse(
                        "receivers: [{name: h, type: webhook, url_env: U}]\n"
                                + "routes: [{receiver: h}]\n"
                                + "maintenance_windows:\n"
                                + "  - {name: night, match: {}, days: [FRI], start: '23:00', end: '01:00'}\n");
        MaintenanceWindow w = c.maintenanceWindows.get(0);
        long fri2330 = java.time.Instant.parse("2024-05-03T23:30:00Z").toEpochMilli();
        long sat0030 = java.time.Instant.parse("2024-05-04T00:30:00Z").toEpochMilli();
        long sat0130 = java.time.Instant.parse("2024-05-04T01:30:00Z").toEpochMilli();
        long thu2330 = java.time.Instant.parse("2024-05-02T23:30:00Z").toEpochMilli();
        assertThat(w.activeAt(fri2330)).isTrue();
        assertThat(w.activeAt(sat0030)).isTrue();
        assertThat(w.activeAt(sat0130)).isFalse();
        assertThat(w.activeAt(thu2330)).isFalse();
    }
}
