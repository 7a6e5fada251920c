package dev.guardian.logs.eval;

import dev.guardian.common.cli.UsageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One labelled Loghub 2k file: the {@code Content} and {@code EventId} columns, in file order. */
public final class LoghubSystem {

    static final String SUFFIX = "_2k.log_structured.csv";

    private final String name;
    private final List<String> contents;
    private final List<String> eventIds;

    LoghubSystem(String name, List<String> contents, List<String> eventIds) {
        this.name = name;
        this.contents = contents;
        this.eventIds = eventIds;
    }

    public String name() {
        return name;
    }

    public List<String> contents() {
        return contents;
    }

    public List<String> eventIds() {
        return eventIds;
    }

    /** Every {@code *_2k.log_structured.csv} under {@code dir}, sorted by system name. */
    public static List<LoghubSystem> findAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files =
                    walk.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                            .sorted()
                            .collect(Collectors.toList());
        }
        if (files.isEmpty()) {
            throw new UsageException("no *" + SUFFIX + " file under " + dir);
        }
        List<LoghubSystem> systems = new ArrayList<>();
        for (Path file : files) {
            systems.add(read(file));
        }
        systems.sort((a, b) -> a.name.compareTo(b.name));
        return systems;
    }

    public static LoghubSystem read(Path file) throws IOException {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - SUFFIX.length());
        var decoder =
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader reader =
                new BufferedReader(
                        new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            CsvReader csv = new CsvReader(reader);
            List<String> header = csv.next();
            if (header == null) {
                throw new UsageException(file + " is empty");
            }
            if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
                header.set(0, header.get(0).substring(1));
            }
            int content = header.indexOf("Content");
            int eventId = header.indexOf("EventId");
            if (content < 0 || eventId < 0) {
                throw new UsageException(file + " has no Content and EventId columns: " + header);
            }
            List<String> contents = new ArrayList<>();
            List<String> eventIds = new ArrayList<>();
            int line = 1;
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                line++;
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                if (row.size() <= Math.max(content, eventId)) {
                    throw new IOException(
                            file + " record " + line + " has " + row.size() + " fields");
                }
                contents.add(row.get(content));
                eventIds.add(row.get(eventId));
            }
            return new LoghubSystem(
                    name,
                    Collections.unmodifiableList(contents),
                    Collections.unmodifiableList(eventIds));
        }
    }
}
