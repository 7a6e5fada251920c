package dev.guardian.schemas;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The public evaluation data beside the repository ({@code ../shared/data}), never copied into it;
 * {@code GUARDIAN_SHARED_DATA} overrides the search. Tests on it are skipped where it is absent.
 */
public final class SharedTestData {
    private SharedTestData() {}

    public static Optional<Path> file(String relative) {
        String override = System.getenv("GUARDIAN_SHARED_DATA");
        if (override != null && !override.isBlank()) {
            return existing(Path.of(override).resolve(relative));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return existing(candidate.resolve(relative));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> existing(Path path) {
        return Files.exists(path) ? Optional.of(path) : Optional.empty();
    }
}
