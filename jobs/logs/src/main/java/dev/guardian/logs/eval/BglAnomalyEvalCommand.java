package dev.guardian.logs.eval;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.SharedData;
import dev.guardian.common.cli.UsageException;
import dev.guardian.logs.LogRecord;
import dev.guardian.logs.SeverityNames;
import dev.guardian.logs.anomaly.LogAnomalySettings;
import dev.guardian.logs.anomaly.NovelTemplateDetector;
import dev.guardian.logs.template.LogTemplateMiner;
import dev.guardian.logs.template.TemplateMatch;
import dev.guardian.logs.template.TemplateMinerConfig;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code guardian eval bgl-anomalies}: precision and recall of the log anomaly rules against the
 * per-line labels of Loghub's BGL file ({@code Label} is {@code -} for a normal line).
 *
 * <p>The file is a sample spread over seven months, so per-minute rates (error spikes, template
 * frequency, silence) have nothing to learn from; the rule that applies is the never-seen template
 * at WARN or above. Online, as in the job: a line is predicted anomalous when the rule has reported
 * its template at or before the line (the report names the template, and every later line of it
 * belongs to the incident). Default settings (15 minute learning period from the first line).
 */
public final class BglAnomalyEvalCommand implements Command {

    private final PrintStream out;

    public BglAnomalyEvalCommand() {
        this(System.out);
    }

    BglAnomalyEvalCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "eval";
    }

    @Override
    public String subject() {
        return "bgl-anomalies";
    }

    @Override
    public String summary() {
        return "precision and recall of the log anomaly rules on Loghub BGL per-line labels";
    }

    @Override
    public String usage() {
        return "[--data FILE]   (default: loghub/BGL/BGL_2k.log_structured.csv in the shared data)";
    }

    @Override
    public int run(Args args) throws Exception {
        Path file =
                args.string("data").isPresent()
                        ? args.existingPath("data")
                        : SharedData.resolve("loghub/BGL/BGL_2k.log_structured.csv");
        args.rejectUnknown();
        Result result = evaluate(read(file), LogAnomalySettings.defaults());
        out.println(
                String.format(
                        Locale.ROOT,
                        "BGL novel-template rule: precision %.3f recall %.3f F1 %.3f"
                                + " (%d lines, %d anomalous, %d flagged, %d templates reported)",
                        result.precision(),
                        result.recall(),
                        result.f1(),
                        result.lines,
                        result.truePositives + result.falseNegatives,
                        result.truePositives + result.falsePositives,
                        result.reportedTemplates));
        return 0;
    }

    /** One labelled line: time, severity word, message, whether the label marks an anomaly. */
    record Line(long timestampMillis, String level, String content, boolean anomalous) {}

    static Result evaluate(List<Line> lines, LogAnomalySettings settings) {
        LogTemplateMiner miner = new LogTemplateMiner(TemplateMinerConfig.defaults());
        Set<String> reported = new HashSet<>();
        long first = Long.MAX_VALUE;
        Result result = new Result();
        for (Line line : lines) {
            first = Math.min(first, line.timestampMillis());
            LogRecord record =
                    LogRecord.of(
                            "BGL",
                            line.timestampMillis(),
                            SeverityNames.of(line.level()),
                            line.content());
            TemplateMatch match = miner.mine(record.message, record.timestampMillis);
            record.templateId = match.templateId();
            record.novelTemplate = match.isNewTemplate() && match.mergedIds().isEmpty();
            if (NovelTemplateDetector.isReportable(record, first, settings)) {
                reported.add(match.templateId());
            }
            boolean flagged = false;
            for (String id : reported) {
                if (miner.resolve(id).equals(match.templateId())) {
                    flagged = true;
                    break;
                }
            }
            result.count(flagged, line.anomalous());
        }
        result.reportedTemplates = reported.size();
        return result;
    }

    static List<Line> read(Path file) throws Exception {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvReader csv = new CsvReader(reader);
            List<String> header = csv.next();
            if (header == null) {
                throw new UsageException(file + " is empty");
            }
            int label = header.indexOf("Label");
            int time = header.indexOf("Timestamp");
            int level = header.indexOf("Level");
            int content = header.indexOf("Content");
            if (label < 0 || time < 0 || level < 0 || content < 0) {
                throw new UsageException(
                        file + " needs Label, Timestamp, Level and Content columns: " + header);
            }
            List<Line> lines = new ArrayList<>();
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() <= Math.max(Math.max(label, time), Math.max(level, content))) {
                    continue;
                }
                lines.add(
                        new Line(
                                Long.parseLong(row.get(time).trim()) * 1000,
                                row.get(level),
                                row.get(content),
                                !row.get(label).equals("-")));
            }
            return lines;
        }
    }

    /** Confusion counts over lines. */
    static final class Result {
        long lines;
        long truePositives;
        long falsePositives;
        long falseNegatives;
        int reportedTemplates;

        void count(boolean flagged, boolean anomalous) {
            lines++;
            if (flagged && anomalous) {
                truePositives++;
            } else if (flagged) {
                falsePositives++;
            } else if (anomalous) {
                falseNegatives++;
            }
        }

        double precision() {
            long flagged = truePositives + falsePositives;
            return flagged == 0 ? 0 : (double) truePositives / flagged;
        }

        double recall() {
            long anomalous = truePositives + falseNegatives;
            return anomalous == 0 ? 0 : (double) truePositives / anomalous;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }
}
