package dev.guardian.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.typeinfo.AvroRecordTypeInfo;
import dev.guardian.connectors.clickhouse.ClickHouseSink;
import dev.guardian.connectors.elasticsearch.ElasticsearchSink;
import dev.guardian.logs.sink.AnomalyDocument;
import dev.guardian.logs.sink.AnomalyRow;
import dev.guardian.logs.sink.LogDocument;
import dev.guardian.logs.sink.TemplateCountRow;
import dev.guardian.logs.sink.TemplateRow;
import dev.guardian.logs.template.TemplateCount;
import dev.guardian.logs.template.TemplateEvent;
import dev.guardian.schemas.Anomaly;
import dev.guardian.schemas.AnomalyGrade;
import dev.guardian.schemas.Source;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The logs job's converters and the repository's mappings against the local stack's Elasticsearch
 * and ClickHouse: the index templates of infra/elasticsearch and the DDL of
 * infra/clickhouse/020_anomalies.sql and 030_logs.sql, applied under random names, written twice (a
 * replay) and read back.
 */
class LogsOutputsIT {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static final String ES = "http://127.0.0.1:" + env("GUARDIAN_ES_HTTP_PORT", "9200");
    private static final String CH =
            "http://127.0.0.1:" + env("GUARDIAN_CLICKHOUSE_HTTP_PORT", "8123");
    private static final Path ROOT = repositoryRoot();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RUN =
            UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final long T0 = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();

    private static final String STREAM = "logs-guardian-it" + RUN + "-default";
    private static final String ANOMALIES = "guardian-anomalies-it" + RUN;
    private static final String PREFIX = "it_" + RUN + "_";

    @BeforeAll
    static void createTemplatesAndTables() throws Exception {
        ObjectNode logs = readTemplate("logs-guardian.json", STREAM);
        assertThat(http("PUT", ES + "/_index_template/it-" + STREAM, logs.toString()))
                .contains("acknowledged");
        ObjectNode anomalies = readTemplate("guardian-anomalies.json", ANOMALIES);
        assertThat(http("PUT", ES + "/_index_template/it-" + ANOMALIES, anomalies.toString()))
                .contains("acknowledged");

        String ddl =
                Files.readString(ROOT.resolve("infra/clickhouse/020_anomalies.sql"))
                        + "\n"
                        + Files.readString(ROOT.resolve("infra/clickhouse/030_logs.sql"));
        ddl = ddl.replaceAll("(?m)--.*$", "");
        for (String table :
                List.of(
                        "log_templates",
                        "log_template_counts_1m",
                        "log_template_stats",
                        "anomalies")) {
            ddl = ddl.replaceAll("guardian\\." + table + "\\b", "guardian." + PREFIX + table);
        }
        for (String statement : ddl.split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                http("POST", CH + "/", statement);
            }
        }
    }

    @AfterAll
    static void dropEverything() throws Exception {
        http("DELETE", ES + "/_data_stream/" + STREAM, null);
        http("DELETE", ES + "/" + ANOMALIES, null);
        http("DELETE", ES + "/_index_template/it-" + STREAM, null);
        http("DELETE", ES + "/_index_template/it-" + ANOMALIES, null);
        for (String table :
                List.of(
                        "log_template_stats",
                        "log_templates",
                        "log_template_counts_1m",
                        "anomalies")) {
            http("POST", CH + "/", "DROP TABLE IF EXISTS guardian." + PREFIX + table);
        }
    }

    /** The repository's template, for one random index instead of its patterns. */
    private static ObjectNode readTemplate(String file, String index) throws IOException {
        ObjectNode template =
                (ObjectNode)
                        JSON.readTree(
                                ROOT.resolve("infra/elasticsearch/templates")
                                        .resolve(file)
                                        .toFile());
        ArrayNode patterns = template.putArray("index_patterns");
        patterns.add(index);
        template.put("priority", 500);
        return template;
    }

    private static LogRecord line(int i, String severity, String message) {
        LogRecord r = LogRecord.of("checkout", T0 + i * 1000L, severity, message);
        r.eventId = "it-" + RUN + "-" + i;
        r.templateId = i % 2 == 0 ? "00000000000000aa" : "00000000000000bb";
        r.template = i % 2 == 0 ? "payment <*> accepted" : "upstream <*> reset";
        r.parameters = new String[] {Integer.toString(i)};
        r.attributes = new String[] {"http.status", "200", "region", "eu-west-1"};
        r.flags = i == 0 ? new String[] {"timestamp_missing"} : new String[0];
        r.ingestedMillis = T0 + i * 1000L + 7;
        return r;
    }

    private static <T> void write(List<T> records, TypeInformation<T> type, Sink<T> sink)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.fromData(records, type).sinkTo(sink);
        env.execute();
    }

    @Test
    void linesLandInTheDataStreamOnceWithTheMappingAnomalyLinksSearch() throws Exception {
        List<LogRecord> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            lines.add(
                    line(
                            i,
                            i % 2 == 0 ? "INFO" : "ERROR",
                            i % 2 == 0
                                    ? "payment " + i + " accepted"
                                    : "upstream 10.0.0." + i + " reset"));
        }
        ElasticsearchSink<LogRecord> sink =
                ElasticsearchSink.<LogRecord>builder()
                        .setHosts(ES)
                        .setConverter(new LogDocument(STREAM, false))
                        .build();
        write(lines, TypeInformation.of(LogRecord.class), sink);
        write(lines, TypeInformation.of(LogRecord.class), sink); // a replay: 409s, nothing new
        http("POST", ES + "/" + STREAM + "/_refresh", "");

        JsonNode count = JSON.readTree(http("GET", ES + "/" + STREAM + "/_count", null));
        assertThat(count.get("count").asInt()).isEqualTo(40);

        JsonNode mapping = JSON.readTree(http("GET", ES + "/" + STREAM + "/_mapping", null));
        JsonNode properties = mapping.elements().next().at("/mappings/properties");
        assertThat(properties.at("/service/properties/name/type").asText()).isEqualTo("keyword");
        assertThat(properties.at("/log/properties/level/type").asText()).isEqualTo("keyword");
        assertThat(properties.at("/message/type").asText()).isIn("match_only_text", "text");
        assertThat(properties.at("/attributes/type").asText()).isEqualTo("flattened");

        // The anomaly rules' links are query strings over these fields.
        String errors = LogSearch.errorsQuery("checkout", T0, T0 + 20_000);
        assertThat(search(STREAM, errors)).isEqualTo(10);
        String oneTemplate = LogSearch.query("checkout", "00000000000000aa", T0, T0 + 40_000);
        assertThat(search(STREAM, oneTemplate)).isEqualTo(20);
        assertThat(search(STREAM, "attributes.region:\"eu-west-1\" AND tags:timestamp_missing"))
                .isEqualTo(1);
        assertThat(search(STREAM, "message:reset")).isEqualTo(20);
    }

    @Test
    void anomaliesAreTriageDocumentsAndRowsOnceEach() throws Exception {
        List<Anomaly> anomalies = List.of(anomaly("a" + RUN, 0), anomaly("b" + RUN, 1));
        TypeInformation<Anomaly> type = AvroRecordTypeInfo.forRecord(Anomaly.class);
        ElasticsearchSink<Anomaly> es =
                ElasticsearchSink.<Anomaly>builder()
                        .setHosts(ES)
                        .setConverter(new AnomalyDocument(ANOMALIES))
                        .build();
        write(anomalies, type, es);
        write(anomalies, type, es);
        http("POST", ES + "/" + ANOMALIES + "/_refresh", "");
        assertThat(search(ANOMALIES, "source:LOGS AND labels.service:checkout AND grade:HIGH"))
                .isEqualTo(2);
        assertThat(search(ANOMALIES, "explanation:spike")).isEqualTo(2);

        Sink<Anomaly> ch =
                ClickHouseSink.<Anomaly>builder()
                        .setUrl(CH)
                        .setTable(PREFIX + AnomalyRow.TABLE)
                        .setConverter(new AnomalyRow())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        write(anomalies, type, ch);
        write(anomalies, type, ch);
        String rows =
                http(
                        "POST",
                        CH + "/",
                        "SELECT count(), any(links['elasticsearch']), max(expected) FROM guardian."
                                + PREFIX
                                + "anomalies FINAL FORMAT TSV");
        assertThat(rows.strip()).isEqualTo("2\tservice.name:\"checkout\"\t2");
    }

    @Test
    void templatesAndCountsGiveStatsWithMergedTemplatesFolded() throws Exception {
        TemplateEvent created = template("t1", "GET <*> in <*> ms", T0, 1, new String[0], null);
        TemplateEvent other = template("t2", "GET /health in <*> ms", T0, 1, new String[0], null);
        TemplateEvent generalised =
                template("t3", "GET <*> in <*>", T0 + 120_000, 9, new String[] {"t1", "t2"}, null);
        TemplateEvent absorbed1 =
                template("t1", "GET <*> in <*>", T0 + 120_000, 0, new String[0], "t3");
        TemplateEvent absorbed2 =
                template("t2", "GET <*> in <*>", T0 + 120_000, 0, new String[0], "t3");
        Sink<TemplateEvent> templates =
                ClickHouseSink.<TemplateEvent>builder()
                        .setUrl(CH)
                        .setTable(PREFIX + TemplateRow.TABLE)
                        .setConverter(new TemplateRow())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        write(
                List.of(created, other, generalised, absorbed1, absorbed2),
                TypeInformation.of(TemplateEvent.class),
                templates);

        List<TemplateCount> counts =
                List.of(
                        count("t1", "INFO", 0, 5),
                        count("t2", "INFO", 0, 3),
                        count("t1", "INFO", 1, 4),
                        count("t3", "INFO", 2, 6),
                        count("t3", "WARN", 2, 1));
        Sink<TemplateCount> countSink =
                ClickHouseSink.<TemplateCount>builder()
                        .setUrl(CH)
                        .setTable(PREFIX + TemplateCountRow.TABLE)
                        .setConverter(new TemplateCountRow())
                        .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                        .build();
        write(counts, TypeInformation.of(TemplateCount.class), countSink);
        write(counts, TypeInformation.of(TemplateCount.class), countSink);

        String stats =
                http(
                        "POST",
                        CH + "/",
                        "SELECT template_id, template, lines, last_seen FROM guardian."
                                + PREFIX
                                + "log_template_stats ORDER BY template_id FORMAT TSV");
        assertThat(stats.strip()).isEqualTo("t3\tGET <*> in <*>\t19\t2026-01-05 10:02:00");
        String volume =
                http(
                        "POST",
                        CH + "/",
                        "SELECT severity, sum(count) FROM guardian."
                                + PREFIX
                                + "log_template_counts_1m FINAL GROUP BY severity ORDER BY severity FORMAT TSV");
        assertThat(volume.strip()).isEqualTo("INFO\t18\nWARN\t1");
    }

    private static TemplateEvent template(
            String id, String text, long time, long count, String[] merged, String into) {
        TemplateEvent e = new TemplateEvent();
        e.service = "api";
        e.templateId = id;
        e.template = text;
        e.example = "GET /x in 3 ms";
        e.firstSeenMillis = T0;
        e.timeMillis = time;
        e.count = count;
        e.mergedIds = merged;
        e.mergedInto = into;
        return e;
    }

    private static TemplateCount count(String id, String severity, int minute, long n) {
        TemplateCount c = new TemplateCount();
        c.service = "api";
        c.templateId = id;
        c.template = "GET <*> in <*>";
        c.severity = severity;
        c.minuteStartMillis = T0 + minute * 60_000L;
        c.count = n;
        return c;
    }

    private static Anomaly anomaly(String id, int minute) {
        return Anomaly.newBuilder()
                .setId(id)
                .setSource(Source.LOGS)
                .setEntity("checkout")
                .setMetric("error_lines_per_minute")
                .setLabels(Map.of("service", "checkout"))
                .setTime(Instant.ofEpochMilli(T0 + minute * 60_000L))
                .setValue(40)
                .setExpected(2.0)
                .setScore(0.8)
                .setGrade(AnomalyGrade.HIGH)
                .setDetector("log-error-spike/1")
                .setExplanation("checkout error spike: 40 error lines in one minute")
                .setLinks(Map.of("elasticsearch", "service.name:\"checkout\""))
                .setEvidence(Map.of("example_1", "upstream reset"))
                .build();
    }

    private static int search(String index, String query) throws Exception {
        String body =
                http(
                        "GET",
                        ES
                                + "/"
                                + index
                                + "/_count?q="
                                + URLEncoder.encode(query, StandardCharsets.UTF_8),
                        null);
        JsonNode json = JSON.readTree(body);
        assertThat(json.has("count")).as(body).isTrue();
        return json.get("count").asInt();
    }

    private static String http(String method, String url, String body) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response =
                HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 400 && !method.equals("DELETE")) {
            throw new IllegalStateException(
                    method + " " + url + " → " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("infra/clickhouse"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root (with infra/) not found");
        }
        return dir;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
