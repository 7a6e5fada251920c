package dev.guardian.alerts.config;

import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where a secret comes from: an environment variable or a file (a Kubernetes / Docker secret
 * mount), named in the configuration and read on the TaskManager when the delivery step opens. The
 * configuration, the job graph and the logs only ever hold the name.
 */
public final class SecretRef implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the value is read from. */
    public enum Kind {
        ENV,
        FILE,
        /** A value written in the configuration: only for things that are not secret. */
        PLAIN
    }

    private final Kind kind;
    private final String name;

    private SecretRef(Kind kind, String name) {
        this.kind = Objects.requireNonNull(kind);
        this.name = Objects.requireNonNull(name);
    }

    public static SecretRef env(String variable) {
        return new SecretRef(Kind.ENV, variable);
    }

    public static SecretRef file(String path) {
        return new SecretRef(Kind.FILE, path);
    }

    public static SecretRef plain(String value) {
        return new SecretRef(Kind.PLAIN, value);
    }

    public Kind kind() {
        return kind;
    }

    /** Reads the secret from the process environment or its file. */
    public Secret resolve() {
        return resolve(System.getenv());
    }

    Secret resolve(Map<String, String> environment) {
        switch (kind) {
            case ENV:
                String value = environment.get(name);
                if (value == null || value.isBlank()) {
                    throw new UsageException(
                            "environment variable " + name + " is not set on this TaskManager");
                }
                return new Secret(value.trim());
            case FILE:
                try {
                    String text = Files.readString(Path.of(name), StandardCharsets.UTF_8).trim();
                    if (text.isEmpty()) {
                        throw new UsageException("secret file " + name + " is empty");
                    }
                    return new Secret(text);
                } catch (IOException e) {
                    throw new UsageException(
                            "cannot read secret file "
                                    + name
                                    + ": "
                                    + e.getClass().getSimpleName());
                }
            default:
                return new Secret(name);
        }
    }

    /** The reference as written in the configuration, never the secret. */
    @Override
    public String toString() {
        switch (kind) {
            case ENV:
                return "env:" + name;
            case FILE:
                return "file:" + name;
            default:
                return name;
        }
    }
}
