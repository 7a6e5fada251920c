package dev.guardian.common.job;

import dev.guardian.common.cli.UsageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Reads a job's settings from its command line ({@code --key value}) and optional properties file
 * ({@code --config FILE}), accepting only keys that the job declares as {@link ConfigOption}s so
 * that a typo is an error naming the key, not a silently ignored setting.
 */
public final class JobConfiguration {

    private JobConfiguration() {}

    public static Configuration fromArgs(String[] args, Collection<ConfigOption<?>> known) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            String key = arg.substring(2);
            String value;
            int eq = key.indexOf('=');
            if (eq >= 0) {
                value = key.substring(eq + 1);
                key = key.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("option --" + key + " needs a value");
            }
            if (key.equals("config")) {
                values.putAll(readFile(Path.of(value)));
            } else {
                values.put(key, value);
            }
        }
        return toConfiguration(values, known);
    }

    static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UsageException(
                    "cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        properties
                .stringPropertyNames()
                .forEach(k -> values.put(k, properties.getProperty(k).trim()));
        return values;
    }

    /**
     * Options of a sink's shared settings (batch size, retries) under a sink's prefix, e.g. {@code
     * clickhouse.batch.size}.
     */
    public static List<ConfigOption<?>> prefixed(String prefix, Class<?> holder) {
        List<ConfigOption<?>> options = new java.util.ArrayList<>();
        for (ConfigOption<?> option : optionsOf(holder)) {
            options.add(
                    org.apache.flink.configuration.ConfigOptions.key(prefix + option.key())
                            .stringType()
                            .noDefaultValue()
                            .withDescription(option.description()));
        }
        return options;
    }

    static Configuration toConfiguration(
            Map<String, String> values, Collection<ConfigOption<?>> known) {
        Map<String, ConfigOption<?>> byKey = new LinkedHashMap<>();
        known.forEach(o -> byKey.put(o.key(), o));
        Configuration conf = new Configuration();
        for (Map.Entry<String, String> e : values.entrySet()) {
            ConfigOption<?> option = byKey.get(e.getKey());
            if (option == null) {
                throw new UsageException(
                        "unknown setting '"
                                + e.getKey()
                                + "'; known: "
                                + new TreeSet<>(byKey.keySet()));
            }
            conf.setString(e.getKey(), e.getValue());
            try {
                conf.get(option);
            } catch (RuntimeException invalid) {
                throw new UsageException(
                        "setting '" + e.getKey() + "' has an invalid value '" + e.getValue() + "'");
            }
        }
        return conf;
    }

    /** All options of the given holder classes' public static {@link ConfigOption} fields. */
    public static List<ConfigOption<?>> optionsOf(Class<?>... holders) {
        List<ConfigOption<?>> options = new java.util.ArrayList<>();
        for (Class<?> holder : holders) {
            for (java.lang.reflect.Field field : holder.getFields()) {
                if (ConfigOption.class.isAssignableFrom(field.getType())
                        && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    try {
                        options.add((ConfigOption<?>) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return options;
    }
}
