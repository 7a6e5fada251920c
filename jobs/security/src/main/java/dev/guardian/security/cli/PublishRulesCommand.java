package dev.guardian.security.cli;

import dev.guardian.common.cli.Args;
import dev.guardian.common.cli.Command;
import dev.guardian.common.cli.UsageException;
import dev.guardian.common.kafka.KafkaOptions;
import dev.guardian.security.SecurityJobOptions;
import dev.guardian.security.rules.RuleDirectory;
import dev.guardian.security.sigma.RuleProblem;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code guardian publish rules}: Sigma rule files to the rules topic, which the running security
 * job applies at once (broadcast state, correlation state kept). A file is published under its name
 * relative to the directory given (or its file name), the same name the job gives the files of its
 * rules directory, so publishing a changed copy replaces that rule. {@code --remove NAME} publishes
 * a removal.
 */
public final class PublishRulesCommand implements Command {

    private final PrintStream out;

    public PublishRulesCommand() {
        this(System.out);
    }

    PublishRulesCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public String verb() {
        return "publish";
    }

    @Override
    public String subject() {
        return "rules";
    }

    @Override
    public String summary() {
        return "publish Sigma rule files (or removals) to the rules topic of the security job";
    }

    @Override
    public String usage() {
        return "FILE|DIR... [--remove NAME]... [--bootstrap HOST:PORT (127.0.0.1:9092)]"
                + " [--topic T (guardian.rules)]";
    }

    @Override
    public int run(Args args) throws Exception {
        List<String> removals = args.strings("remove");
        String bootstrap = args.string("bootstrap", KafkaOptions.BOOTSTRAP_SERVERS.defaultValue());
        String topic = args.string("topic", SecurityJobOptions.RULES_TOPIC_NAME);
        args.rejectUnknown();
        if (args.positional().isEmpty() && removals.isEmpty()) {
            throw new UsageException("nothing to publish; usage: publish rules " + usage());
        }
        Map<String, String> rules = new LinkedHashMap<>();
        int problems = 0;
        for (String operand : args.positional()) {
            Path path = Path.of(operand);
            if (Files.isDirectory(path)) {
                RuleDirectory.Loaded loaded = RuleDirectory.load(path);
                rules.putAll(loaded.sources());
                for (RuleProblem p : loaded.problems()) {
                    out.println("  " + p);
                    problems++;
                }
            } else if (Files.isRegularFile(path)) {
                rules.put(
                        path.getFileName().toString(),
                        Files.readString(path, StandardCharsets.UTF_8));
            } else {
                throw new UsageException("no such file or directory: " + path);
            }
        }
        try (CloudTrailSender sender =
                CloudTrailSender.open(bootstrap, topic, "guardian-publish-rules")) {
            for (Map.Entry<String, String> rule : rules.entrySet()) {
                sender.send(
                        rule.getKey().getBytes(StandardCharsets.UTF_8),
                        rule.getValue().getBytes(StandardCharsets.UTF_8));
                out.println("published " + rule.getKey());
            }
            for (String name : removals) {
                sender.send(name.getBytes(StandardCharsets.UTF_8), null);
                out.println("removed " + name);
            }
            sender.flush();
        }
        if (problems > 0) {
            out.println(
                    problems
                            + " rule(s) will not run (the job reports the same, by file and line)");
        }
        return 0;
    }
}
