package dev.guardian.ops.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What operating Guardian reads from and does to a Flink cluster over its REST API: run a job from
 * a jar, watch its state, restarts, checkpoints and metrics, cancel it.
 */
public final class FlinkRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;

    public FlinkRest(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String url() {
        return url;
    }

    /** A job as the overview lists it. */
    public record Job(String id, String name, String state, long startTime) {}

    /** A job vertex (a chain of operators): id, name, parallelism and status. */
    public record Vertex(String id, String name, int parallelism, String status) {}

    /** Checkpoint statistics of a job, from {@code /jobs/:id/checkpoints}. */
    public record Checkpoints(
            long completed,
            long failed,
            long inProgress,
            long lastCompletedAt,
            long lastDurationMs,
            long lastSizeBytes,
            long lastFullSizeBytes,
            long lastFailedAt) {}

    public String uploadJar(Path jar) throws IOException {
        String boundary = "guardian-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(
                ("--"
                                + boundary
                                + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                                + jar.getFileName()
                                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(jar));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        Http.Response response =
                Http.send(
                        Http.request(URI.create(url + "/jars/upload"), Duration.ofMinutes(5))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                                .build());
        String filename =
                JSON.readTree(Http.expectOk(response, "Flink jar upload"))
                        .path("filename")
                        .asText();
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    public String runJar(String jarId, String entryClass, List<String> args) throws IOException {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.set("programArgsList", JSON.valueToTree(args));
        Http.Response response =
                Http.post(
                        URI.create(url + "/jars/" + jarId + "/run"),
                        "application/json",
                        JSON.writeValueAsString(request),
                        Duration.ofMinutes(5));
        return JSON.readTree(Http.expectOk(response, "Flink run " + entryClass))
                .path("jobid")
                .asText();
    }

    public void deleteJar(String jarId) throws IOException {
        Http.send(
                Http.request(URI.create(url + "/jars/" + jarId), Duration.ofSeconds(30))
                        .DELETE()
                        .build());
    }

    public List<Job> jobs() throws IOException {
        List<Job> jobs = new ArrayList<>();
        for (JsonNode job : get("/jobs/overview").path("jobs")) {
            jobs.add(
                    new Job(
                            job.path("jid").asText(),
                            job.path("name").asText(),
                            job.path("state").asText(),
                            job.path("start-time").asLong()));
        }
        return jobs;
    }

    /** The job's state (RUNNING, RESTARTING, FAILED...). */
    public String state(String jobId) throws IOException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    public List<Vertex> vertices(String jobId) throws IOException {
        List<Vertex> vertices = new ArrayList<>();
        for (JsonNode v : get("/jobs/" + jobId).path("vertices")) {
            vertices.add(
                    new Vertex(
                            v.path("id").asText(),
                            v.path("name").asText(),
                            v.path("parallelism").asInt(),
                            v.path("status").asText()));
        }
        return vertices;
    }

    /** The job is RUNNING and so is every one of its tasks. */
    public boolean fullyRunning(String jobId) throws IOException {
        JsonNode job = get("/jobs/" + jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode v : job.path("vertices")) {
            if (!"RUNNING".equals(v.path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    /** How often the job restarted since it was submitted (Flink's {@code numRestarts}). */
    public long restarts(String jobId) throws IOException {
        return jobMetrics(jobId, List.of("numRestarts"))
                .getOrDefault("numRestarts", 0.0)
                .longValue();
    }

    /** Job-level metrics by name. */
    public Map<String, Double> jobMetrics(String jobId, List<String> names) throws IOException {
        return values(get("/jobs/" + jobId + "/metrics?get=" + String.join(",", names)));
    }

    /** Metric names a vertex's subtasks report. */
    public List<String> vertexMetricNames(String jobId, String vertexId) throws IOException {
        List<String> names = new ArrayList<>();
        for (JsonNode m : get("/jobs/" + jobId + "/vertices/" + vertexId + "/subtasks/metrics")) {
            names.add(m.path("id").asText());
        }
        return names;
    }

    /** The sum over a vertex's subtasks of each named metric. */
    public Map<String, Double> vertexMetricSums(String jobId, String vertexId, List<String> names)
            throws IOException {
        Map<String, Double> sums = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return sums;
        }
        JsonNode answer =
                get(
                        "/jobs/"
                                + jobId
                                + "/vertices/"
                                + vertexId
                                + "/subtasks/metrics?agg=sum&get="
                                + String.join(",", names));
        for (JsonNode m : answer) {
            sums.put(m.path("id").asText(), m.path("sum").asDouble());
        }
        return sums;
    }

    public Checkpoints checkpoints(String jobId) throws IOException {
        JsonNode stats = get("/jobs/" + jobId + "/checkpoints");
        JsonNode counts = stats.path("counts");
        JsonNode completed = stats.path("latest").path("completed");
        JsonNode failed = stats.path("latest").path("failed");
        return new Checkpoints(
                counts.path("completed").asLong(),
                counts.path("failed").asLong(),
                counts.path("in_progress").asLong(),
                completed.path("latest_ack_timestamp").asLong(),
                completed.path("end_to_end_duration").asLong(),
                completed.path("checkpointed_size").asLong(),
                completed.path("state_size").asLong(),
                failed.path("failure_timestamp").asLong());
    }

    /** Full state size per vertex id in the latest completed checkpoint; empty if none. */
    public Map<String, Long> lastCheckpointStateSizes(String jobId) throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        JsonNode latest = get("/jobs/" + jobId + "/checkpoints").path("latest").path("completed");
        if (!latest.has("id")) {
            return sizes;
        }
        JsonNode tasks =
                get("/jobs/" + jobId + "/checkpoints/details/" + latest.path("id").asLong())
                        .path("tasks");
        tasks.fields()
                .forEachRemaining(
                        e -> sizes.put(e.getKey(), e.getValue().path("state_size").asLong()));
        return sizes;
    }

    public void cancel(String jobId) throws IOException {
        Http.send(
                Http.request(
                                URI.create(url + "/jobs/" + jobId + "?mode=cancel"),
                                Duration.ofSeconds(30))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    /** Registered TaskManagers. */
    public int taskManagers() throws IOException {
        return get("/taskmanagers").path("taskmanagers").size();
    }

    private JsonNode get(String path) throws IOException {
        Http.Response response = Http.get(URI.create(url + path), Duration.ofSeconds(30));
        return JSON.readTree(Http.expectOk(response, "Flink " + path));
    }

    private static Map<String, Double> values(JsonNode metrics) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (JsonNode m : metrics) {
            try {
                values.put(m.path("id").asText(), Double.parseDouble(m.path("value").asText()));
            } catch (NumberFormatException e) {
                // a gauge that is not a number (e.g. a string): not ours to read
            }
        }
        return values;
    }
}
