package dev.guardian.common.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the labelled evaluation data ({@code shared/data}) that lives beside the repository, never
 * inside it. Tests and evaluation defaults use it; the {@code GUARDIAN_SHARED_DATA} environment
 * variable overrides the search.
 */
public final class SharedData {

    private SharedData() {}

    /** The data folder, searched upwards from the working directory. */
    public static Optional<Path> root() {
        String override = System.getenv("GUARDIAN_SHARED_DATA");
        if (override != null && !override.isBlank()) {
            return Optional.of(Path.of(override));
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** A folder or file under the data root, or a usage error saying where it was looked for. */
    public static Path resolve(String relative) {
        Path root =
                root().orElseThrow(
                                () ->
                                        new UsageException(
                                                "shared evaluation data not found beside the repository;"
                                                        + " set GUARDIAN_SHARED_DATA"));
        return root.resolve(relative);
    }
}
