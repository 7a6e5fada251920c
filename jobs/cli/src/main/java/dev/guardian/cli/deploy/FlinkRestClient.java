package dev.guardian.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.guardian.common.cli.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The parts of Flink's REST API that deploying Guardian needs: upload a jar, run a job from it,
 * list jobs with their checkpoint health, stop a job with a savepoint. Works against any Flink 2.x
 * JobManager, so users need neither the Flink CLI nor a matching Flink install.
 */
public final class FlinkRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public FlinkRestClient(String clusterUrl) {
        String url = clusterUrl.endsWith("/") ? clusterUrl : clusterUrl + "/";
        try {
            this.base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cluster is not a URL: " + clusterUrl);
        }
    }

    /** A job as the overview lists it. */
    public record JobSummary(String id, String name, String state, long startTime) {}

    public String uploadJar(Path jar) throws IOException, InterruptedException {
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
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("jars/upload"))
                        .timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
        JsonNode response = send(request);
        String filename = response.path("filename").asText();
        // the id of an uploaded jar is the last path element of its stored file name
        return filename.substring(filename.lastIndexOf('/') + 1);
    }

    public String runJar(
            String jarId, String entryClass, List<String> programArgs, String savepointPath)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("entryClass", entryClass);
        request.set("programArgsList", JSON.valueToTree(programArgs));
        if (savepointPath != null) {
            request.put("savepointPath", savepointPath);
            request.put("allowNonRestoredState", false);
        }
        JsonNode response = post("jars/" + jarId + "/run", request, Duration.ofMinutes(3));
        return response.path("jobid").asText();
    }

    public List<JobSummary> jobs() throws IOException, InterruptedException {
        JsonNode overview = get("jobs/overview");
        List<JobSummary> jobs = new ArrayList<>();
        for (JsonNode job : overview.path("jobs")) {
            jobs.add(
                    new JobSummary(
                            job.path("jid").asText(),
                            job.path("name").asText(),
                            job.path("state").asText(),
                            job.path("start-time").asLong()));
        }
        return jobs;
    }

    public JsonNode checkpoints(String jobId) throws IOException, InterruptedException {
        return get("jobs/" + jobId + "/checkpoints");
    }

    /** One checkpoint with its state size per job vertex ({@code tasks}). */
    public JsonNode checkpointDetails(String jobId, long checkpointId)
            throws IOException, InterruptedException {
        return get("jobs/" + jobId + "/checkpoints/details/" + checkpointId);
    }

    public JsonNode job(String jobId) throws IOException, InterruptedException {
        return get("jobs/" + jobId);
    }

    /** Stops a job with a savepoint and returns the savepoint's path once it completes. */
    public String stopWithSavepoint(String jobId, String targetDirectory, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode request = JSON.createObjectNode();
        request.put("drain", false);
        if (targetDirectory != null) {
            request.put("targetDirectory", targetDirectory);
        }
        String trigger =
                post("jobs/" + jobId + "/stop", request, Duration.ofSeconds(30))
                        .path("request-id")
                        .asText();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = get("jobs/" + jobId + "/savepoints/" + trigger);
            if ("COMPLETED".equals(status.path("status").path("id").asText())) {
                JsonNode operation = status.path("operation");
                if (operation.has("failure-cause")) {
                    throw new IOException(
                            "savepoint of job "
                                    + jobId
                                    + " failed: "
                                    + operation.path("failure-cause").path("class").asText()
                                    + " "
                                    + operation
                                            .path("failure-cause")
                                            .path("stack-trace")
                                            .asText()
                                            .lines()
                                            .findFirst()
                                            .orElse(""));
                }
                return operation.path("location").asText();
            }
            Thread.sleep(500);
        }
        throw new IOException("savepoint of job " + jobId + " did not complete in " + timeout);
    }

    public void cancel(String jobId) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve("jobs/" + jobId + "?mode=cancel"))
                        .timeout(Duration.ofSeconds(30))
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build();
        send(request);
    }

    /** Any GET of the REST API, e.g. {@code taskmanagers} or a vertex's metrics. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build());
    }

    private JsonNode post(String path, JsonNode body, Duration timeout)
            throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new UsageException(
                    "no Flink cluster answers at " + base + " (is it running? see --cluster)");
        }
        String text = response.body();
        if (response.statusCode() >= 300) {
            throw new IOException(
                    "Flink REST "
                            + request.method()
                            + " "
                            + request.uri().getPath()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + firstError(text));
        }
        return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    /** Flink wraps failures in {"errors": [...]} whose first line names the cause. */
    private static String firstError(String body) {
        try {
            JsonNode errors = JSON.readTree(body).path("errors");
            if (errors.isArray() && errors.size() > 0) {
                StringBuilder causes = new StringBuilder();
                for (JsonNode error : errors) {
                    error.asText()
                            .lines()
                            .filter(l -> l.startsWith("Caused by") || l.contains("Exception:"))
                            .reduce((a, b) -> b)
                            .ifPresent(l -> causes.append(l.strip()).append(' '));
                }
                return causes.length() > 0 ? causes.toString().strip() : errors.get(0).asText();
            }
        } catch (IOException | RuntimeException ignored) {
            // not JSON: fall through to the raw body
        }
        return body == null ? "" : body.strip();
    }
}
