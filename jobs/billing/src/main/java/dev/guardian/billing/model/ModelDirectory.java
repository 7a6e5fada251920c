package dev.guardian.billing.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A versioned model directory: {@code ROOT/v20261122-031500/} holds {@code cost-mlp-0000.params}
 * and {@code model.json}; {@code ROOT/LATEST} names the newest version. A version is never changed
 * once written; the job reads {@code LATEST} (or a version directory it is pointed at) when it
 * opens, so a new model reaches the job with its next restart or savepoint upgrade.
 */
public final class ModelDirectory {

    public static final String METADATA = "model.json";
    public static final String LATEST = "LATEST";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter VERSION =
            DateTimeFormatter.ofPattern("'v'yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private ModelDirectory() {}

    /** A new, empty version directory under {@code root}. */
    public static Path newVersion(Path root, Instant now) throws IOException {
        Files.createDirectories(root);
        String base = VERSION.format(now);
        Path dir = root.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(base + "-" + i);
        }
        Files.createDirectory(dir);
        return dir;
    }

    /** Writes {@code model.json} and points {@code LATEST} at the version (atomically). */
    public static void publish(Path versionDir, ModelMetadata metadata) throws IOException {
        JSON.writeValue(versionDir.resolve(METADATA).toFile(), metadata);
        Path root = versionDir.getParent();
        Path tmp = Files.createTempFile(root, LATEST, ".tmp");
        Files.writeString(tmp, versionDir.getFileName().toString() + "\n");
        Files.move(
                tmp,
                root.resolve(LATEST),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** The version directory {@code dir} means: itself, the one LATEST names, or the newest. */
    public static Path resolve(Path dir) throws IOException {
        if (Files.isRegularFile(dir.resolve(METADATA))) {
            return dir;
        }
        Path latest = dir.resolve(LATEST);
        if (Files.isRegularFile(latest)) {
            Path version = dir.resolve(Files.readString(latest).strip());
            if (Files.isRegularFile(version.resolve(METADATA))) {
                return version;
            }
            throw new IOException(latest + " names " + version + ", which holds no " + METADATA);
        }
        Optional<Path> newest;
        try (Stream<Path> children = Files.list(dir)) {
            newest =
                    children.filter(p -> Files.isRegularFile(p.resolve(METADATA)))
                            .max(Comparator.comparing(p -> p.getFileName().toString()));
        }
        return newest.orElseThrow(
                () -> new IOException("no model version in " + dir + " (no " + METADATA + ")"));
    }

    public static ModelMetadata read(Path versionDir) throws IOException {
        return JSON.readValue(versionDir.resolve(METADATA).toFile(), ModelMetadata.class);
    }
}
