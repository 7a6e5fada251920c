package dev.guardian.security.cli;

import dev.guardian.common.cli.UsageException;
import dev.guardian.security.sigma.SigmaRuleParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Values of the {@code %name%} placeholders that the {@code expand} modifier needs, from a YAML map
 * of name to a value or a list of values.
 */
final class Placeholders {

    private Placeholders() {}

    static SigmaRuleParser parser(Path file) {
        return new SigmaRuleParser(file == null ? Map.of() : read(file));
    }

    static Map<String, List<String>> read(Path file) {
        Object loaded;
        try {
            loaded = new Yaml(new LoaderOptions()).load(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            throw new UsageException("--placeholders " + file + ": " + e.getMessage());
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new UsageException(
                    "--placeholders " + file + ": expected a map of name to values");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        map.forEach(
                (k, v) -> {
                    List<String> values = new ArrayList<>();
                    if (v instanceof List<?> list) {
                        list.forEach(x -> values.add(String.valueOf(x)));
                    } else {
                        values.add(String.valueOf(v));
                    }
                    out.put(String.valueOf(k), values);
                });
        return out;
    }
}
