package dev.guardian.logs.eval;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.SharedData;
import dev.guardian.logs.template.TemplateMinerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code guardian eval loghub}: grouping accuracy of the template miner on Loghub 2k files. */
public final class LoghubEvalCommand implements Command {

    private final PrintStream out;

    public LoghubEvalCommand() {
        this(System.out);
    }

    LoghubEvalCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "eval";
    }

    @Override
    public String subject() {
        return "loghub";
    }

    @Override
    public String summary() {
        return "grouping accuracy of the log template miner on Loghub *_2k.log_structured.csv";
    }

    @Override
    public String usage() {
        return "[--data DIR]   (default: loghub/ in the shared evaluation data)";
    }

    @Override
    public int run(Args args) throws Exception {
        Path dir =
                args.string("data").isPresent()
                        ? args.existingPath("data")
                        : SharedData.resolve("loghub");
        args.rejectUnknown();
        List<LoghubSystem> systems = LoghubSystem.findAll(dir);
        TemplateMinerConfig config = TemplateMinerConfig.defaults();
        double sum = 0;
        for (LoghubSystem system : systems) {
            double ga = LoghubEvaluation.groupingAccuracy(config, system);
            sum += ga;
            out.println("GA " + system.name() + " " + format(ga));
        }
        out.println("GA mean " + format(sum / systems.size()));
        return 0;
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
